using Grpc.Core;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Services.Records;

/// <summary>
/// Freshness of signed record requests: the timestamp must lie within the window around this node's clock, and a
/// (signer, nonce) pair is accepted once while its timestamp is inside the window — after that the timestamp check
/// refuses it anyway, so memory stays bounded by the request rate. At most <c>capacity</c> pairs are
/// remembered, and at most <c>perOrganisation</c> of them for any one organisation, so one member flooding the
/// node exhausts only its own share. Callers admit only requests whose signer is an active member key
/// and whose signature verifies: outsiders and forgeries never take a slot. In memory: a restart forgets, which at
/// worst lets a captured request be answered again, to its own signer, with a second receipt.
/// </summary>
public sealed class RequestReplayGuard
{
    private const long SweepEveryMs = 10_000;

    private readonly TimeProvider _time;
    private readonly long _windowMs;
    private readonly int _capacity;
    private readonly int _perOrganisation;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long ExpiresMs, string Organisation)> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _held = new(StringComparer.Ordinal);
    private long _nextSweepMs;

    /// <param name="time">This node's clock.</param>
    /// <param name="window">How far a request's timestamp may be from the clock, either way.</param>
    /// <param name="capacity">Pairs remembered in all.</param>
    /// <param name="perOrganisation">Pairs remembered for one organisation; at most <paramref name="capacity"/>.</param>
    public RequestReplayGuard(TimeProvider time, TimeSpan window, int capacity = 200_000, int perOrganisation = 25_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perOrganisation);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(perOrganisation, capacity);
        (_time, _windowMs, _capacity, _perOrganisation) = (time, (long)window.TotalMilliseconds, capacity, perOrganisation);
    }

    /// <summary>Pairs remembered now (expired ones included until the next sweep).</summary>
    public int Count
    {
        get { lock (_gate) return _seen.Count; }
    }

    /// <summary>Pairs remembered now for <paramref name="organisation"/>.</summary>
    public int HeldBy(string organisation)
    {
        lock (_gate) return _held.GetValueOrDefault(organisation);
    }

    /// <summary>Null when the timestamp lies within the window around this node's clock, else the refusal. Takes no slot.</summary>
    public RpcException? CheckTimestamp(long timestampMs)
    {
        var skew = timestampMs - _time.GetUtcNow().ToUnixTimeMilliseconds();
        return skew > _windowMs || skew < -_windowMs
            ? new RpcException(new Status(StatusCode.Unauthenticated,
                $"request timestamp is {skew / 1000} s from this node's clock; at most ±{_windowMs / 1000} s is accepted (check the clock, sign a new request)"))
            : null;
    }

    /// <summary>
    /// Null when the request is fresh and now remembered against <paramref name="organisation"/>, else the refusal:
    /// stale timestamp, replay, the organisation's share used up, or the guard full.
    /// </summary>
    public RpcException? Admit(string organisation, Address signer, ReadOnlySpan<byte> nonce, long timestampMs)
    {
        if (CheckTimestamp(timestampMs) is { } stale) return stale;
        var key = Convert.ToHexStringLower(signer.Bytes) + Convert.ToHexStringLower(nonce);
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_gate)
        {
            Sweep(now);
            if (_seen.ContainsKey(key))
                return new RpcException(new Status(StatusCode.AlreadyExists, "this signed request was already received (replay); sign a new one"));
            var held = _held.GetValueOrDefault(organisation);
            if (held >= _perOrganisation)
                return new RpcException(new Status(StatusCode.ResourceExhausted,
                    $"organisation '{organisation}' has {held} recent record requests, its share of this node's replay guard; retry within {_windowMs / 1000} s"));
            if (_seen.Count >= _capacity)
                return new RpcException(new Status(StatusCode.ResourceExhausted, "too many recent record requests; retry shortly"));
            _seen.Add(key, (timestampMs + _windowMs, organisation));
            _held[organisation] = held + 1;
            return null;
        }
    }

    /// <summary>Forgets expired pairs, at most once per <see cref="SweepEveryMs"/>; called under the gate.</summary>
    private void Sweep(long now)
    {
        if (now < _nextSweepMs) return;
        _nextSweepMs = now + SweepEveryMs;
        foreach (var (key, (expiresMs, organisation)) in _seen)
        {
            if (expiresMs >= now) continue;
            _seen.Remove(key); // allowed while enumerating a Dictionary
            var left = _held[organisation] - 1;
            if (left == 0) _held.Remove(organisation);
            else _held[organisation] = left;
        }
    }
}
