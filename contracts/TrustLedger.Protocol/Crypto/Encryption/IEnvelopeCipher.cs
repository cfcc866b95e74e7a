namespace TrustLedger.Protocol.Crypto.Encryption;

/// <summary>
/// Hybrid public-key encryption of one message to one recipient key of the network's crypto suite, with
/// associated data that must match on opening. Implementations are thread-safe and hold no keys.
/// </summary>
public interface IEnvelopeCipher
{
    /// <summary>The crypto suite whose keys this cipher encrypts to: <c>eth</c> or <c>sm</c>.</summary>
    string Suite { get; }

    /// <summary>Encrypts <paramref name="plaintext"/> to <paramref name="recipientPublicKey"/> (65-byte uncompressed point).</summary>
    /// <exception cref="ArgumentException">The key is not a valid point of the suite's curve, or the plaintext is too large.</exception>
    byte[] Seal(ReadOnlySpan<byte> recipientPublicKey, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData);

    /// <summary>Decrypts and authenticates an envelope sealed to <paramref name="recipient"/>'s public key.</summary>
    /// <exception cref="EnvelopeException">Malformed, altered, for another key, or sealed with other associated data.</exception>
    byte[] Open(KeyPair recipient, ReadOnlySpan<byte> envelope, ReadOnlySpan<byte> associatedData);
}
