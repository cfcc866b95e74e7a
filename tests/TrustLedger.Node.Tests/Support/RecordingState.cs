using TrustLedger.Contracts.Abstractions;

namespace TrustLedger.Node.Tests.Support;

/// <summary>A state store that remembers every key written or removed, to see which keys a helper touches.</summary>
public sealed class RecordingState : IStateStore
{
    private readonly Dictionary<string, byte[]> _values = [];

    public List<byte[]> Written { get; } = [];

    public byte[]? Get(ReadOnlySpan<byte> key) => _values.GetValueOrDefault(Convert.ToHexString(key));

    public void Set(byte[] key, byte[] value)
    {
        _values[Convert.ToHexString(key)] = value;
        Written.Add(key);
    }

    public void Remove(byte[] key)
    {
        _values.Remove(Convert.ToHexString(key));
        Written.Add(key);
    }
}
