using System.Collections.Concurrent;
using Grpc.Core;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Services.Records;

/// <summary>
/// Freshness of signed record requests: the timestamp must lie within the window around this node's clock, and a
/// (signer, nonce) pair is accepted once while its timestamp is inside the window — after that the timestamp check
/// refuses it anyway, so memory stays bounded by the request rate. In memory: a restart forgets, which at worst lets
/// a captured request be answered again, to its own signer, with a second receipt.
/// </summary>
public sealed class RequestReplayGuard(TimeProvider time, TimeSpan window, int capacity = 200_000)
{
    private readonly ConcurrentDictionary<string, long> _seen = new(StringComparer.Ordinal);
    private long _nextSweepMs;

    /// <summary>Null when the request is fresh (and is now remembered), else the refusal.</summary>
    public RpcException? Admit(Address signer, ReadOnlySpan<byte> nonce, long timestampMs)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var windowMs = (long)window.TotalMilliseconds;
        var skew = timestampMs - now;
        if (skew > windowMs || skew < -windowMs)
            return new RpcException(new Status(StatusCode.Unauthenticated,
                $"request timestamp is {skew / 1000} s from this node's clock; at most ±{windowMs / 1000} s is accepted (check the clock, sign a new request)"));
        Sweep(now);
        if (_seen.Count >= capacity)
            return new RpcException(new Status(StatusCode.ResourceExhausted, "too many recent record requests; retry shortly"));
        var key = Convert.ToHexStringLower(signer.Bytes) + Convert.ToHexStringLower(nonce);
        return _seen.TryAdd(key, timestampMs + windowMs)
            ? null
            : new RpcException(new Status(StatusCode.AlreadyExists, "this signed request was already received (replay); sign a new one"));
    }

    private void Sweep(long now)
    {
        var next = Interlocked.Read(ref _nextSweepMs);
        if (now < next || Interlocked.CompareExchange(ref _nextSweepMs, now + 10_000, next) != next) return;
        foreach (var (key, expiresMs) in _seen)
            if (expiresMs < now) _seen.TryRemove(KeyValuePair.Create(key, expiresMs));
    }
}
