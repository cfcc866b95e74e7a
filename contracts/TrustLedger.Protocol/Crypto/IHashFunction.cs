using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Crypto;

/// <summary>A 256-bit hash function. Implementations are thread-safe.</summary>
public interface IHashFunction
{
    /// <summary>Short name: <c>sha256</c>, <c>keccak256</c> or <c>sm3</c>.</summary>
    string Name { get; }

    Hash32 Hash(ReadOnlySpan<byte> data);

    /// <summary>Hash of the concatenation <paramref name="prefix"/> ‖ <paramref name="data"/>, without copying.</summary>
    Hash32 Hash(byte prefix, ReadOnlySpan<byte> data);

    /// <summary>Hash of <paramref name="prefix"/> ‖ <paramref name="left"/> ‖ <paramref name="right"/> (Merkle interior nodes).</summary>
    Hash32 Hash(byte prefix, in Hash32 left, in Hash32 right);
}
