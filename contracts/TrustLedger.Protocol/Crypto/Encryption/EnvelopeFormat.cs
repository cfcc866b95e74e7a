namespace TrustLedger.Protocol.Crypto.Encryption;

/// <summary>
/// Layout of a sealed envelope (version 1). Every envelope starts with a 6-byte header
/// <c>"TLRE" ‖ u8 version ‖ u8 suite</c>, followed by the suite's key material and the AEAD output:
/// <list type="bullet">
/// <item><c>eth</c> (suite 1): ephemeral secp256k1 public key (65, uncompressed) ‖ AES-256-GCM ciphertext ‖ tag (16);</item>
/// <item><c>sm</c> (suite 2): SM2 ciphertext C1‖C3‖C2 of the 16-byte SM4 key (113) ‖ GCM nonce (12) ‖ SM4-GCM ciphertext ‖ tag (16).</item>
/// </list>
/// The AEAD's associated data is every byte before the ciphertext followed by the caller's associated data, so
/// no header byte can be changed and an envelope opens only in the context it was sealed for.
/// </summary>
public static class EnvelopeFormat
{
    public static ReadOnlySpan<byte> Magic => "TLRE"u8;

    public const byte Version1 = 1;
    public const byte EthSuite = 1;
    public const byte SmSuite = 2;

    /// <summary>Magic, version, suite.</summary>
    public const int PrefixLength = 6;
    public const int TagLength = 16;

    /// <summary>Largest plaintext an envelope may carry (16 MiB): records are documents, not bulk data.</summary>
    public const int MaxPlaintextLength = 16 * 1024 * 1024;

    internal static void WritePrefix(Span<byte> destination, byte suite)
    {
        Magic.CopyTo(destination);
        destination[4] = Version1;
        destination[5] = suite;
    }

    /// <summary>Checks the prefix and the minimum length; the reason is safe to show (it says nothing about the contents).</summary>
    internal static void CheckPrefix(ReadOnlySpan<byte> envelope, byte suite, int headerLength)
    {
        if (envelope.Length < PrefixLength || !envelope[..4].SequenceEqual(Magic))
            throw new EnvelopeException("not a TrustLedger record envelope");
        if (envelope[4] != Version1)
            throw new EnvelopeException($"envelope version {envelope[4]} is not supported (this software reads version {Version1})");
        if (envelope[5] != suite)
            throw new EnvelopeException($"the envelope is for crypto suite {SuiteName(envelope[5])}, not {SuiteName(suite)}");
        if (envelope.Length < headerLength + TagLength)
            throw new EnvelopeException($"the envelope is truncated ({envelope.Length} bytes)");
        if (envelope.Length - headerLength - TagLength > MaxPlaintextLength)
            throw new EnvelopeException($"the envelope is larger than {MaxPlaintextLength} bytes of content");
    }

    /// <summary>The AEAD associated data: the envelope's header followed by the caller's context.</summary>
    internal static byte[] AeadData(ReadOnlySpan<byte> header, ReadOnlySpan<byte> associatedData)
    {
        var data = new byte[header.Length + associatedData.Length];
        header.CopyTo(data);
        associatedData.CopyTo(data.AsSpan(header.Length));
        return data;
    }

    internal static void CheckPlaintext(int length)
    {
        if (length > MaxPlaintextLength)
            throw new ArgumentException($"an envelope carries at most {MaxPlaintextLength} bytes, got {length}");
    }

    private static string SuiteName(byte suite) => suite switch
    {
        EthSuite => "eth",
        SmSuite => "sm",
        _ => $"#{suite}",
    };
}
