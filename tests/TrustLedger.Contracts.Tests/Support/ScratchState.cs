using TrustLedger.Contracts.Abstractions;

namespace TrustLedger.Contracts.Tests.Support;

/// <summary>Buffered writes over a base state, as the executor runs each transaction: merged only on success.</summary>
public sealed class ScratchState(IStateStore @base) : IStateStore
{
    private readonly SortedDictionary<byte[], byte[]?> _writes = new(ByteOrder.Instance);

    public byte[]? Get(ReadOnlySpan<byte> key) =>
        _writes.TryGetValue(key.ToArray(), out var value) ? value : @base.Get(key);

    public void Set(byte[] key, byte[] value) => _writes[key] = value;
    public void Remove(byte[] key) => _writes[key] = null;

    public void MergeInto(IStateStore target)
    {
        foreach (var (key, value) in _writes)
        {
            if (value is null) target.Remove(key);
            else target.Set(key, value);
        }
        _writes.Clear();
    }
}
