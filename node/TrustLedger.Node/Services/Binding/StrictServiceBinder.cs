using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace TrustLedger.Node.Services.Binding;

/// <summary>
/// Registers the methods of a generated gRPC service (handed over by its generated <c>BindService</c>) on
/// <typeparamref name="TService"/>, with request deserialisers that turn a malformed protobuf message into
/// INVALID_ARGUMENT with the parser's reason. By default grpc-dotnet reports it as UNKNOWN "Exception was thrown by handler".
/// </summary>
internal sealed class StrictServiceBinder<TService>(ServiceMethodProviderContext<TService> context) : ServiceBinderBase
    where TService : class
{
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
    {
        var (implementation, metadata) = Find(method.Name);
        var invoker = implementation.CreateDelegate<UnaryServerMethod<TService, TRequest, TResponse>>();
        context.AddUnaryMethod(Strict(method), metadata, invoker);
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var (implementation, metadata) = Find(method.Name);
        var invoker = implementation.CreateDelegate<ServerStreamingServerMethod<TService, TRequest, TResponse>>();
        context.AddServerStreamingMethod(Strict(method), metadata, invoker);
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var (implementation, metadata) = Find(method.Name);
        var invoker = implementation.CreateDelegate<ClientStreamingServerMethod<TService, TRequest, TResponse>>();
        context.AddClientStreamingMethod(Strict(method), metadata, invoker);
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var (implementation, metadata) = Find(method.Name);
        var invoker = implementation.CreateDelegate<DuplexStreamingServerMethod<TService, TRequest, TResponse>>();
        context.AddDuplexStreamingMethod(Strict(method), metadata, invoker);
    }

    private static (MethodInfo Implementation, List<object> Metadata) Find(string name)
    {
        // The most derived public override: what the generated base's virtual method would dispatch to.
        var implementation = typeof(TService).GetMethods(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(m => m.Name == name)
            ?? throw new InvalidOperationException($"{typeof(TService).Name} does not implement gRPC method {name}");
        return (implementation, [.. typeof(TService).GetCustomAttributes(inherit: true), .. implementation.GetCustomAttributes(inherit: true)]);
    }

    private static Method<TRequest, TResponse> Strict<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class where TResponse : class
    {
        var inner = method.RequestMarshaller;
        var strict = new Marshaller<TRequest>(inner.ContextualSerializer, context =>
        {
            try
            {
                return inner.ContextualDeserializer(context);
            }
            catch (InvalidProtocolBufferException e)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"malformed {typeof(TRequest).Name} message: {e.Message}"));
            }
        });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, strict, method.ResponseMarshaller);
    }
}
