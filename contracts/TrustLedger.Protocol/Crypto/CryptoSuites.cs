namespace TrustLedger.Protocol.Crypto;

/// <summary>The crypto suites a genesis file may name.</summary>
public static class CryptoSuites
{
    public static readonly ICryptoSuite Eth = new EthCryptoSuite();
    public static readonly ICryptoSuite Sm = new SmCryptoSuite();

    public static ICryptoSuite? TryGet(string? name) => name switch
    {
        "eth" => Eth,
        "sm" => Sm,
        _ => null,
    };

    public static ICryptoSuite Get(string name) =>
        TryGet(name) ?? throw new ArgumentException($"unknown crypto suite '{name}' (use eth or sm)", nameof(name));
}
