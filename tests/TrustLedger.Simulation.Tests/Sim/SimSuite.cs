using System.Collections.Concurrent;
using System.Security.Cryptography;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Simulation.Tests.Sim;

/// <summary>
/// A fast stand-in for the real suites so thousands of seeds fit in CI: a signature is SHA-256(private key ‖ message),
/// checked through a registry of the keys this suite created. Unforgeable for simulated adversaries, which never see
/// private keys but their own. Real-suite seeds (eth, sm) cover the real signature path.
/// </summary>
internal sealed class SimSuite : ICryptoSuite
{
    public static readonly SimSuite Instance = new();
    private static readonly ConcurrentDictionary<string, byte[]> PrivateByPublic = new();

    public string Name => "sim";
    public IHashFunction Hash => DigestHashFunction.Sha256;

    public KeyPair GenerateKey() => FromPrivateKey(RandomNumberGenerator.GetBytes(32));

    public KeyPair FromPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        var publicKey = new byte[65];
        publicKey[0] = 0x04;
        SHA256.HashData(privateKey, publicKey.AsSpan(1, 32));
        SHA256.HashData(publicKey.AsSpan(1, 32), publicKey.AsSpan(33, 32));
        PrivateByPublic[Convert.ToHexString(publicKey)] = privateKey.ToArray();
        return new KeyPair(Name, privateKey.ToArray(), publicKey, AddressOf(publicKey));
    }

    public byte[] Sign(KeyPair key, ReadOnlySpan<byte> message) => Mac(key.PrivateKey, message);

    public bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        signature.Length == 64 &&
        PrivateByPublic.TryGetValue(Convert.ToHexString(publicKey), out var privateKey) &&
        signature.SequenceEqual(Mac(privateKey, message));

    public bool IsValidPublicKey(ReadOnlySpan<byte> publicKey) => publicKey.Length == 65 && publicKey[0] == 0x04;

    public Address AddressOf(ReadOnlySpan<byte> publicKey) => new(SHA256.HashData(publicKey[1..]).AsSpan(12));

    private static byte[] Mac(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> message)
    {
        var buffer = new byte[32 + message.Length];
        privateKey.CopyTo(buffer);
        message.CopyTo(buffer.AsSpan(32));
        var signature = new byte[64];
        SHA256.HashData(buffer, signature);
        return signature;
    }
}
