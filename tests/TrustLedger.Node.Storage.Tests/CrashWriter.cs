using TrustLedger.Protocol.Crypto;

namespace TrustLedger.Node.Storage.Tests;

/// <summary>
/// Child process for the kill -9 test: opens the store, appends the deterministic test chain from its height on,
/// and prints <c>acked H</c> after each Append returns — the moment a node may send receipts — until killed.
/// </summary>
internal static class CrashWriter
{
    public const int TxsPerBlock = 20;
    public const int MaxBlocks = 100_000;

    public static int Run(string directory)
    {
        var chain = new TestBlocks(CryptoSuites.Eth, TxsPerBlock, sign: false);
        var logger = new CapturingLogger();
        using var store = FileBlockStore.Open(directory, CryptoSuites.Eth, logger);
        foreach (var (level, message) in logger.Entries) Console.Error.WriteLine($"{level}: {message}"); // what recovery did
        Console.Out.WriteLine($"opened {store.Height}");
        Console.Out.Flush();
        for (var height = store.Height + 1; height <= MaxBlocks; height++)
        {
            store.Append(chain[height]);
            Console.Out.WriteLine($"acked {height}");
            Console.Out.Flush();
        }
        return 0;
    }
}
