using Grpc.Core;
using Grpc.Core.Interceptors;
using TrustLedger.Protocol.Access;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Proto.Access;

/// <summary>
/// Adds a <c>tl-caller</c> credential (<see cref="CallCredential"/>) to every call a client makes to one node, so the
/// node knows the key behind the call. One credential is signed per <see cref="RefreshEvery"/> and re-used in between,
/// well inside its lifetime, so signing costs one signature a minute, not one per call.
/// </summary>
public sealed class CallerCredentialInterceptor(ICryptoSuite suite, KeyPair key, string chainId, Address audience, TimeProvider? time = null) : Interceptor
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private (string Header, long IssuedMs)? _current;

    /// <summary>The header value to send now.</summary>
    public string CurrentHeader()
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_gate)
        {
            if (_current is not { } current || now - current.IssuedMs >= (long)RefreshEvery.TotalMilliseconds || now < current.IssuedMs)
                _current = current = (CallCredential.Sign(suite, key, chainId, audience, now).ToHeader(), now);
            return current.Header;
        }
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        BlockingUnaryCallContinuation<TRequest, TResponse> continuation) => continuation(request, WithCredential(context));

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation) => continuation(request, WithCredential(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithCredential(context));

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithCredential(context));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithCredential(context));

    private ClientInterceptorContext<TRequest, TResponse> WithCredential<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class where TResponse : class
    {
        var headers = new Metadata();
        if (context.Options.Headers is { } existing)
            foreach (var entry in existing)
                if (!string.Equals(entry.Key, CallCredential.Header, StringComparison.OrdinalIgnoreCase)) headers.Add(entry);
        headers.Add(CallCredential.Header, CurrentHeader());
        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers));
    }
}
