using TrustLedger.Node.Storage.Records;

namespace TrustLedger.Node.Storage.Tests.Records;

/// <summary>Fixed keys, so a test can open what another store instance (or a test with the same keys) wrote.</summary>
internal static class TestCiphers
{
    public const string ChainId = "tl-test-chain";
    public static readonly byte[] DataKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    public static readonly byte[] NameSecret = Enumerable.Range(101, 32).Select(i => (byte)i).ToArray();

    public static RecordCipher For(string suite, byte[]? dataKey = null, string chainId = ChainId) =>
        new(chainId, suite, dataKey ?? DataKey, NameSecret);
}
