using System.Diagnostics;
using System.Globalization;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Storage.Tests;

/// <summary>
/// Hand measurement, not a test: appends blocks of ~300-byte transactions (filler signatures; storage does not
/// verify them) with a Stopwatch and prints rates. Compares with a bare fsynced append of the same bytes, then
/// times an index rebuild and reads. Run: <c>dotnet TrustLedger.Node.Storage.Tests.dll bench 40 1000</c>.
/// </summary>
internal static class AppendBenchmark
{
    public static int Run(string[] args)
    {
        var blockCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
        var txsPerBlock = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        var root = args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), "tl-storage-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);

        var build = Stopwatch.StartNew();
        var chain = new TestBlocks(CryptoSuites.Eth, txsPerBlock, payloadBytes: 95, sign: false);
        var blocks = chain.Take(blockCount + 3);
        var warmup = blocks.Take(3).ToArray();
        var measured = blocks.Skip(3).ToArray();
        var blockBytes = measured.Average(b => (double)b.Encode().Length);
        Console.WriteLine($"{blockCount} blocks x {txsPerBlock} txs, tx {measured[0].Transactions[0].EncodedSize} B, block {blockBytes / 1024:F0} KiB (built in {build.Elapsed.TotalSeconds:F1} s)");

        BareFsync(Path.Combine(root, "bare.log"), measured);

        var directory = Path.Combine(root, "store");
        var latencies = new List<double>();
        var total = Stopwatch.StartNew();
        using (var store = FileBlockStore.Open(directory, CryptoSuites.Eth))
        {
            foreach (var block in warmup) store.Append(block);
            total.Restart();
            foreach (var block in measured)
            {
                var one = Stopwatch.StartNew();
                store.Append(block);
                latencies.Add(one.Elapsed.TotalMilliseconds);
            }
            total.Stop();
            Report("FileBlockStore.Append (fsync + LiteDB)", measured.Length, txsPerBlock, blockBytes, total.Elapsed);
            latencies.Sort();
            Console.WriteLine($"  per block: p50 {latencies[latencies.Count / 2]:F1} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:F1} ms, max {latencies[^1]:F1} ms");

            var read = Stopwatch.StartNew();
            for (var h = 1UL; h <= store.Height; h++) _ = store.GetBlock(h);
            Console.WriteLine($"GetBlock (read + crc + decode): {store.Height / read.Elapsed.TotalSeconds:F0} blocks/s");
            read.Restart();
            var lookups = 0;
            foreach (var block in measured)
                for (var i = 0; i < block.Transactions.Count; i += 10, lookups++)
                    _ = store.FindTransaction(block.Transactions[i].Id) ?? throw new InvalidOperationException("lost tx");
            Console.WriteLine($"FindTransaction: {lookups / read.Elapsed.TotalSeconds:F0} lookups/s");
        }

        File.Delete(Path.Combine(directory, FileBlockStore.IndexFileName));
        var rebuild = Stopwatch.StartNew();
        using (var store = FileBlockStore.Open(directory, CryptoSuites.Eth))
            Report($"Index rebuild on open ({store.Height} blocks)", (int)store.Height, txsPerBlock, blockBytes, rebuild.Elapsed);

        Directory.Delete(root, recursive: true);
        return 0;
    }

    /// <summary>The floor: the same records appended to one file with one fsync each, no index.</summary>
    private static void BareFsync(string path, IReadOnlyList<Block> blocks)
    {
        var records = blocks.Select(LogFiles.Record).ToArray();
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
        var clock = Stopwatch.StartNew();
        foreach (var record in records)
        {
            file.Write(record);
            file.Flush(flushToDisk: true);
        }
        Report("bare append + fsync (floor)", records.Length, blocks[0].Transactions.Count, records.Average(r => (double)r.Length), clock.Elapsed);
    }

    private static void Report(string what, int blocks, int txsPerBlock, double blockBytes, TimeSpan elapsed)
    {
        var seconds = elapsed.TotalSeconds;
        Console.WriteLine($"{what}: {blocks / seconds:F1} blocks/s = {blocks * txsPerBlock / seconds:F0} tx/s, " +
            $"{blocks * blockBytes / seconds / 1048576:F1} MiB/s, {elapsed.TotalMilliseconds / blocks:F1} ms/block");
    }
}
