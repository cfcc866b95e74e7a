using Org.BouncyCastle.Crypto.Prng;

namespace TrustLedger.Protocol.Tests.Crypto;

/// <summary>Returns the same bytes on every request, so a "random" SM2 nonce can be fixed to a published k.</summary>
internal sealed class FixedRandomGenerator(byte[] bytes) : IRandomGenerator
{
    public void AddSeedMaterial(byte[] seed) { }
    public void AddSeedMaterial(ReadOnlySpan<byte> seed) { }
    public void AddSeedMaterial(long seed) { }
    public void NextBytes(byte[] bytes1) => NextBytes(bytes1.AsSpan());
    public void NextBytes(byte[] buf, int off, int len) => NextBytes(buf.AsSpan(off, len));

    public void NextBytes(Span<byte> output)
    {
        if (output.Length != bytes.Length) throw new InvalidOperationException($"asked for {output.Length} bytes, have {bytes.Length}");
        bytes.CopyTo(output);
    }
}
