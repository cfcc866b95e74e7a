using TrustLedger.Contracts.Abstractions;

namespace TrustLedger.Contracts.Tests.Support;

/// <summary>In-memory committed state, ordered by key so that dumps compare byte for byte.</summary>
public sealed class MemoryState : IStateStore
{
    private readonly SortedDictionary<byte[], byte[]> _entries = new(ByteOrder.Instance);

    public int Count => _entries.Count;

    public byte[]? Get(ReadOnlySpan<byte> key) => _entries.GetValueOrDefault(key.ToArray());
    public void Set(byte[] key, byte[] value) => _entries[key] = value;
    public void Remove(byte[] key) => _entries.Remove(key);

    /// <summary>Every key and value, in key order: "key = value-hex" lines (keys are shown as text where printable).</summary>
    public string Dump(string prefix = "") => string.Join("\n", _entries
        .Where(kv => kv.Key.AsSpan().StartsWith(System.Text.Encoding.UTF8.GetBytes(prefix)))
        .Select(kv => $"{Show(kv.Key)} = {Convert.ToHexStringLower(kv.Value)}"));

    public IEnumerable<string> Keys => _entries.Keys.Select(Show);

    private static string Show(byte[] key) =>
        key.All(b => b is >= 0x20 and < 0x7f) ? System.Text.Encoding.ASCII.GetString(key) : Convert.ToHexStringLower(key);
}

/// <summary>Ordinal byte order.</summary>
public sealed class ByteOrder : IComparer<byte[]>, IEqualityComparer<byte[]>
{
    public static readonly ByteOrder Instance = new();
    public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);
    public int GetHashCode(byte[] obj)
    {
        var h = new HashCode();
        h.AddBytes(obj);
        return h.ToHashCode();
    }
}
