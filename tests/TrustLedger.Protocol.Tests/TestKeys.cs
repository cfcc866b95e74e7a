using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Tests;

/// <summary>Fixed keys for known-answer and golden tests. Test keys only; never use them for anything real.</summary>
internal static class TestKeys
{
    /// <summary>The EIP-155 example private key (0x46 repeated); its Ethereum address is well known.</summary>
    public const string EthGoldenPrivate = "0x4646464646464646464646464646464646464646464646464646464646464646";

    /// <summary>The SM2 example private key of GM/T 0003.5-2012 (GB/T 32918.5-2017) Annex A.</summary>
    public const string SmGoldenPrivate = "0x3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8";

    public static KeyPair EthGolden => CryptoSuites.Eth.FromPrivateKey(Hex.Decode(EthGoldenPrivate));
    public static KeyPair SmGolden => CryptoSuites.Sm.FromPrivateKey(Hex.Decode(SmGoldenPrivate));

    public static KeyPair Golden(ICryptoSuite suite) => suite.Name == "eth" ? EthGolden : SmGolden;

    public static IEnumerable<object[]> Suites() => [["eth"], ["sm"]];
}
