namespace TrustLedger.Protocol.Crypto.Encryption;

/// <summary>The envelope cipher of each crypto suite: <c>eth</c> = ECIES on secp256k1, <c>sm</c> = SM2 + SM4-GCM.</summary>
public static class Envelopes
{
    public static readonly IEnvelopeCipher Eth = new EciesSecp256k1Cipher();
    public static readonly IEnvelopeCipher Sm = new Sm2Sm4Cipher();

    public static IEnvelopeCipher For(ICryptoSuite suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        return For(suite.Name);
    }

    public static IEnvelopeCipher For(string suite) => suite switch
    {
        "eth" => Eth,
        "sm" => Sm,
        _ => throw new ArgumentException($"no envelope cipher for crypto suite '{suite}' (use eth or sm)", nameof(suite)),
    };
}
