using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Crypto;

/// <summary>
/// The network's signature scheme, hash and address derivation, fixed in the genesis file.
/// <c>eth</c>: secp256k1 ECDSA over Keccak-256 (low-s, 64-byte r‖s); <c>sm</c>: SM2 with SM3 (GB/T 32918, default user id).
/// Implementations are thread-safe; verification must be fast enough to be the hot path.
/// </summary>
public interface ICryptoSuite
{
    /// <summary><c>eth</c> or <c>sm</c>.</summary>
    string Name { get; }

    IHashFunction Hash { get; }

    /// <summary>Creates a fresh key pair from a cryptographically secure random source.</summary>
    KeyPair GenerateKey();

    /// <summary>Rebuilds a key pair from its 32-byte private scalar; throws <see cref="ArgumentException"/> for an invalid scalar.</summary>
    KeyPair FromPrivateKey(ReadOnlySpan<byte> privateKey);

    /// <summary>Signs <paramref name="message"/> (the suite hashes it). Returns a 64-byte r‖s signature.</summary>
    byte[] Sign(KeyPair key, ReadOnlySpan<byte> message);

    /// <summary>True when <paramref name="signature"/> is a valid signature of <paramref name="message"/> under <paramref name="publicKey"/>. Never throws on malformed input.</summary>
    bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);

    /// <summary>True when <paramref name="publicKey"/> is a well-formed point on the suite's curve.</summary>
    bool IsValidPublicKey(ReadOnlySpan<byte> publicKey);

    /// <summary>The address of a public key (see <see cref="Address"/>).</summary>
    Address AddressOf(ReadOnlySpan<byte> publicKey);
}
