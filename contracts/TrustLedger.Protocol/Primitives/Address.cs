namespace TrustLedger.Protocol.Primitives;

/// <summary>
/// A 20-byte account address derived from a public key by the network's crypto suite
/// (Ethereum style for <c>eth</c>: last 20 bytes of Keccak-256 of the uncompressed key;
/// for <c>sm</c>: last 20 bytes of SM3 of the uncompressed key).
/// </summary>
public readonly struct Address : IEquatable<Address>, IComparable<Address>
{
    public const int Length = 20;
    private readonly byte[]? _bytes;

    public Address(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
            throw new ArgumentException($"an address is {Length} bytes, got {bytes.Length}", nameof(bytes));
        _bytes = bytes.ToArray();
    }

    public static readonly Address Zero = new(new byte[Length]);

    public ReadOnlySpan<byte> Bytes => _bytes ?? new byte[Length];

    public static Address Parse(string hex) => new(Hex.Decode(hex));

    public static bool TryParse(string? hex, out Address address)
    {
        address = default;
        if (!Hex.TryDecode(hex, out var bytes) || bytes.Length != Length) return false;
        address = new Address(bytes);
        return true;
    }

    public override string ToString() => Hex.Encode(Bytes);
    public bool Equals(Address other) => Bytes.SequenceEqual(other.Bytes);
    public override bool Equals(object? obj) => obj is Address a && Equals(a);
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.AddBytes(Bytes);
        return h.ToHashCode();
    }
    public int CompareTo(Address other) => Bytes.SequenceCompareTo(other.Bytes);
    public static bool operator ==(Address left, Address right) => left.Equals(right);
    public static bool operator !=(Address left, Address right) => !left.Equals(right);
}
