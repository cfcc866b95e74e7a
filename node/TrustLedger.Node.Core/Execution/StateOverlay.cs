using TrustLedger.Contracts.Abstractions;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Core.Execution;

/// <summary>
/// Buffered writes over a base state: reads see the buffer first. One overlay per transaction sits on one per
/// block; a successful transaction merges into the block's overlay, a refused one is dropped, so it changes nothing.
/// </summary>
public sealed class StateOverlay : IStateStore
{
    private readonly IStateStore _base;
    // null value = removed
    private readonly Dictionary<byte[], byte[]?> _writes = new(ByteArrayComparer.Instance);
    private readonly Dictionary<byte[], byte[]?>.AlternateLookup<ReadOnlySpan<byte>> _bySpan;
    private KeyValuePair<byte[], byte[]?>[]? _sorted; // the block's writes are applied, previewed and listed: sort once

    public StateOverlay(IStateStore @base)
    {
        _base = @base;
        _bySpan = _writes.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    public int WriteCount => _writes.Count;

    public byte[]? Get(ReadOnlySpan<byte> key) =>
        _writes.Count > 0 && _bySpan.TryGetValue(key, out var value) ? value : _base.Get(key);

    public void Set(byte[] key, byte[] value)
    {
        _writes[key] = value;
        _sorted = null;
    }

    public void Remove(byte[] key)
    {
        _writes[key] = null;
        _sorted = null;
    }

    /// <summary>Moves every buffered write into <paramref name="target"/> and clears this overlay.</summary>
    public void MergeInto(IStateStore target)
    {
        foreach (var (key, value) in _writes)
        {
            if (value is null) target.Remove(key);
            else target.Set(key, value);
        }
        _writes.Clear();
        _sorted = null;
    }

    /// <summary>The buffered writes in key order (deterministic application to the state map).</summary>
    public IReadOnlyList<KeyValuePair<byte[], byte[]?>> WritesInKeyOrder() =>
        _sorted ??= [.. _writes.OrderBy(kv => kv.Key, ByteArrayComparer.Instance)];

    /// <summary>The written keys in key order.</summary>
    public byte[][] ChangedKeys() => WritesInKeyOrder().Select(w => w.Key).ToArray();
}
