using TrustLedger.Contracts.Abstractions;

namespace TrustLedger.Node.Core.Execution;

/// <summary>
/// Buffered writes over a base state: reads see the buffer first. One overlay per transaction sits on one per
/// block; a successful transaction merges into the block's overlay, a refused one is dropped, so it changes nothing.
/// </summary>
public sealed class StateOverlay(IStateStore @base) : IStateStore
{
    // null value = removed
    private readonly Dictionary<byte[], byte[]?> _writes = new(ByteArrayComparer.Instance);

    public int WriteCount => _writes.Count;

    public byte[]? Get(ReadOnlySpan<byte> key)
    {
        if (_writes.Count > 0 && _writes.TryGetValue(key.ToArray(), out var value)) return value;
        return @base.Get(key);
    }

    public void Set(byte[] key, byte[] value) => _writes[key] = value;

    public void Remove(byte[] key) => _writes[key] = null;

    /// <summary>Moves every buffered write into <paramref name="target"/> and clears this overlay.</summary>
    public void MergeInto(IStateStore target)
    {
        foreach (var (key, value) in _writes)
        {
            if (value is null) target.Remove(key);
            else target.Set(key, value);
        }
        _writes.Clear();
    }

    /// <summary>The buffered writes in key order (deterministic application to the state map).</summary>
    public IEnumerable<KeyValuePair<byte[], byte[]?>> WritesInKeyOrder() => _writes.OrderBy(kv => kv.Key, ByteArrayComparer.Instance);
}
