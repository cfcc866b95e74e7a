using Grpc.Core;
using Grpc.Core.Interceptors;

namespace TrustLedger.Node.Services.Errors;

/// <summary>
/// The last word on a handler's failure: a malformed argument that surfaced as <see cref="FormatException"/> or
/// <see cref="ArgumentException"/> (a 5-byte transaction id, an undecodable key) is INVALID_ARGUMENT with its reason,
/// never UNKNOWN "Exception was thrown by handler". Statuses a handler chose (<see cref="RpcException"/>) pass as they are.
/// </summary>
public sealed class MalformedArgumentInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (IsMalformedArgument(e))
        {
            throw Invalid(e);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (IsMalformedArgument(e))
        {
            throw Invalid(e);
        }
    }

    private static bool IsMalformedArgument(Exception e) =>
        e is FormatException or ArgumentException or Google.Protobuf.InvalidProtocolBufferException;

    private static RpcException Invalid(Exception e) => new(new Status(StatusCode.InvalidArgument, e.Message));
}
