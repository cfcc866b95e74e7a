namespace TrustLedger.Node.Storage.Records;

/// <summary>
/// The algorithms that protect records at rest, chosen by the chain's suite: <c>eth</c> chains use AES-256-GCM and
/// HMAC-SHA256, <c>sm</c> chains SM4-GCM and HMAC-SM3 (GB/T 32907, GB/T 32905). Nonces are 12 bytes, tags 16.
/// </summary>
public abstract class AtRestSuite
{
    public const int NonceLength = 12;
    public const int TagLength = 16;

    /// <summary>The suite byte written into every stored record (1 = eth, 2 = sm, as in record envelopes).</summary>
    public abstract byte Id { get; }

    /// <summary>Length of the AEAD key in bytes (32 for AES-256, 16 for SM4).</summary>
    public abstract int KeyLength { get; }

    /// <summary>HMAC over the suite's standard hash; 32 bytes.</summary>
    public abstract byte[] Mac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message);

    /// <summary>Encrypts <paramref name="plaintext"/> into <paramref name="ciphertext"/> (same length) and writes the tag.</summary>
    public abstract void Encrypt(byte[] key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> associatedData);

    /// <summary>False when the tag does not verify (altered bytes, another key or other associated data); nothing is written then.</summary>
    public abstract bool TryDecrypt(byte[] key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> associatedData);

    /// <summary>The at-rest suite of a chain suite name (<c>eth</c> or <c>sm</c>).</summary>
    public static AtRestSuite For(string chainSuite) => chainSuite switch
    {
        "eth" => AesGcmAtRest.Instance,
        "sm" => Sm4GcmAtRest.Instance,
        _ => throw new ArgumentException($"no at-rest encryption for suite '{chainSuite}' (use eth or sm)", nameof(chainSuite)),
    };
}
