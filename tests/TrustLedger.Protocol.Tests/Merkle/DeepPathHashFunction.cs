using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Tests.Merkle;

/// <summary>
/// SHA-256 whose plain hashes (key paths and value hashes) keep only their last 32 bits, so every key path shares a
/// 224-bit prefix: leaves sit 224–256 deep and the tree's deep-path and collapse logic gets exercised. Node and leaf
/// hashes (the prefixed overloads) stay full-strength.
/// </summary>
internal sealed class DeepPathHashFunction : IHashFunction
{
    private static readonly IHashFunction Inner = DigestHashFunction.Sha256;

    public string Name => "deep-path-sha256";

    public Hash32 Hash(ReadOnlySpan<byte> data)
    {
        Span<byte> bytes = stackalloc byte[Hash32.Length];
        Inner.Hash(data).CopyTo(bytes);
        bytes[..28].Clear();
        return new Hash32(bytes);
    }

    public Hash32 Hash(byte prefix, ReadOnlySpan<byte> data) => Inner.Hash(prefix, data);

    public Hash32 Hash(byte prefix, in Hash32 left, in Hash32 right) => Inner.Hash(prefix, left, right);
}
