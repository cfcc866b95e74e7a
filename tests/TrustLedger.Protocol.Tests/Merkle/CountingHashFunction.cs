using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Tests.Merkle;

/// <summary>Counts hash invocations, to measure work deterministically instead of timing it.</summary>
internal sealed class CountingHashFunction(IHashFunction inner) : IHashFunction
{
    private long _calls;

    public long Calls => Interlocked.Read(ref _calls);

    public string Name => inner.Name;

    public Hash32 Hash(ReadOnlySpan<byte> data)
    {
        Interlocked.Increment(ref _calls);
        return inner.Hash(data);
    }

    public Hash32 Hash(byte prefix, ReadOnlySpan<byte> data)
    {
        Interlocked.Increment(ref _calls);
        return inner.Hash(prefix, data);
    }

    public Hash32 Hash(byte prefix, in Hash32 left, in Hash32 right)
    {
        Interlocked.Increment(ref _calls);
        return inner.Hash(prefix, left, right);
    }
}
