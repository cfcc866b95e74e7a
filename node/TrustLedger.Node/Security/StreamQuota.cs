using System.Collections.Concurrent;
using Grpc.Core;

namespace TrustLedger.Node.Security;

/// <summary>
/// Bounds the watch streams one caller holds open at once (by organisation, else key), so one member cannot tie up
/// the node's live views. Open streams are counted; a lease releases its slot when the stream ends.
/// </summary>
public sealed class StreamQuota(int perCaller)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    public int PerCaller => perCaller;

    /// <exception cref="RpcException">RESOURCE_EXHAUSTED when the caller already holds <see cref="PerCaller"/> streams.</exception>
    public IDisposable Acquire(string caller)
    {
        var now = _open.AddOrUpdate(caller, 1, (_, n) => n + 1);
        if (now <= perCaller) return new Lease(this, caller);
        Release(caller);
        throw new RpcException(new Status(StatusCode.ResourceExhausted,
            $"{caller} already holds {perCaller} watch streams on this node; end one before opening another"));
    }

    private void Release(string caller)
    {
        if (_open.AddOrUpdate(caller, 0, (_, n) => n - 1) <= 0) _open.TryRemove(new KeyValuePair<string, int>(caller, 0));
    }

    private sealed class Lease(StreamQuota quota, string caller) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) quota.Release(caller);
        }
    }
}
