using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Crypto;

/// <summary>A 256-bit <see cref="IHashFunction"/> over a BouncyCastle digest; one digest instance per thread.</summary>
public sealed class DigestHashFunction : IHashFunction
{
    public static readonly DigestHashFunction Sha256 = new("sha256", () => new Sha256Digest());
    public static readonly DigestHashFunction Keccak256 = new("keccak256", () => new KeccakDigest(256));
    public static readonly DigestHashFunction Sm3 = new("sm3", () => new SM3Digest());

    private readonly ThreadLocal<IDigest> _digest;

    private DigestHashFunction(string name, Func<IDigest> factory)
    {
        Name = name;
        _digest = new ThreadLocal<IDigest>(factory);
    }

    public string Name { get; }

    public Hash32 Hash(ReadOnlySpan<byte> data)
    {
        var d = _digest.Value!;
        d.BlockUpdate(data);
        return Finish(d);
    }

    public Hash32 Hash(byte prefix, ReadOnlySpan<byte> data)
    {
        var d = _digest.Value!;
        d.Update(prefix);
        d.BlockUpdate(data);
        return Finish(d);
    }

    public Hash32 Hash(byte prefix, in Hash32 left, in Hash32 right)
    {
        Span<byte> buffer = stackalloc byte[1 + 2 * Hash32.Length];
        buffer[0] = prefix;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + Hash32.Length)..]);
        var d = _digest.Value!;
        d.BlockUpdate(buffer);
        return Finish(d);
    }

    private static Hash32 Finish(IDigest d)
    {
        Span<byte> output = stackalloc byte[Hash32.Length];
        d.DoFinal(output);
        return new Hash32(output);
    }

    public override string ToString() => Name;
}
