using System.CommandLine;
using System.Diagnostics;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Sdk;

namespace TrustLedger.Cli.Commands;

/// <summary>
/// <c>tl bench</c>: the load generator. Pre-signs N transactions (so client-side signing is not measured),
/// submits them with C concurrent callers in batches of B that wait for commit, and reports committed tx/s,
/// p50/p99 submit-to-commit latency and the node's RSS.
/// </summary>
internal static class BenchCommand
{
    public static Command Build()
    {
        var count = new Option<int>("--count", "-N") { Description = "Transactions to submit", DefaultValueFactory = _ => 100_000 };
        var concurrency = new Option<int>("--concurrency", "-c") { Description = "Concurrent callers", DefaultValueFactory = _ => 32 };
        var batch = new Option<int>("--batch", "-b") { Description = "Transactions per SubmitBatch call (1 = single Submit calls)", DefaultValueFactory = _ => 100 };
        var size = new Option<int>("--payload-bytes") { Description = "Payload size", DefaultValueFactory = _ => 100 };
        var command = new Command("bench", "Load generator: pre-signed transactions, concurrent callers, throughput and latency") { count, concurrency, batch, size, CommonOptions.Key };
        command.SetGuardedAction(async (parse, cancellation) =>
        {
            var n = parse.GetValue(count);
            var c = parse.GetValue(concurrency);
            var b = parse.GetValue(batch);
            if (n < 1 || c < 1 || b < 1) throw new CliException("--count, --concurrency and --batch must be positive");
            var key = CommonOptions.LoadKey(parse.GetValue(CommonOptions.Key)!);
            using var client = await CommandRunner.Connect(parse, key, cancellation);

            var txs = PreSign(client, n, parse.GetValue(size));
            var result = await Run(client, txs, c, b, cancellation);
            var node = await client.GetStatusAsync(cancellation);
            result.Print(parse.GetValue(CommonOptions.Json), n, c, b, node);
        });
        return command;
    }

    private static SignedTransaction[] PreSign(TrustLedgerClient client, int n, int payloadBytes)
    {
        var stopwatch = Stopwatch.StartNew();
        var txs = new SignedTransaction[n];
        var payload = new byte[payloadBytes];
        Parallel.For(0, n, i =>
        {
            var p = (byte[])payload.Clone();
            BitConverter.TryWriteBytes(p, i);
            txs[i] = client.Sign("anchor.put", p, validity: TimeSpan.FromHours(1));
        });
        Console.Error.WriteLine($"pre-signed {n:N0} transactions in {stopwatch.Elapsed.TotalSeconds:F1} s");
        return txs;
    }

    private static async Task<BenchResult> Run(TrustLedgerClient client, SignedTransaction[] txs, int callers, int batchSize, CancellationToken cancellation)
    {
        var latencies = new double[txs.Length];
        var committed = 0;
        var refused = 0;
        var next = -batchSize;
        string? firstError = null;
        var clock = Stopwatch.StartNew();
        using var progress = new Timer(_ => Console.Error.WriteLine($"  {clock.Elapsed.TotalSeconds,6:F1} s  committed {Volatile.Read(ref committed),9:N0}  refused {Volatile.Read(ref refused):N0}"), null, 1000, 1000);

        async Task Caller()
        {
            while (true)
            {
                var start = Interlocked.Add(ref next, batchSize);
                if (start >= txs.Length) return;
                var slice = txs.AsSpan(start, Math.Min(batchSize, txs.Length - start)).ToArray();
                var sent = clock.Elapsed.TotalMilliseconds;
                var outcomes = await client.SubmitBatchAsync(slice, waitForCommit: true, TimeSpan.FromSeconds(60), cancellation);
                var done = clock.Elapsed.TotalMilliseconds;
                for (var i = 0; i < outcomes.Count; i++)
                {
                    if (outcomes[i].Accepted && outcomes[i].Receipt is not null)
                    {
                        latencies[start + i] = done - sent;
                        Interlocked.Increment(ref committed);
                    }
                    else
                    {
                        latencies[start + i] = double.NaN;
                        Interlocked.Increment(ref refused);
                        Interlocked.CompareExchange(ref firstError, $"{outcomes[i].Code}: {outcomes[i].Message}", null);
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(Caller, cancellation)));
        var elapsed = clock.Elapsed;
        var sorted = latencies.Where(l => !double.IsNaN(l)).Order().ToArray();
        return new BenchResult(committed, refused, elapsed, Percentile(sorted, 0.50), Percentile(sorted, 0.99), firstError);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private sealed record BenchResult(int Committed, int Refused, TimeSpan Elapsed, double P50Ms, double P99Ms, string? FirstError)
    {
        public void Print(bool json, int n, int callers, int batch, NodeInfo node) => Output.Print(json,
        [
            ("transactions", n),
            ("callers", callers),
            ("batch", batch),
            ("committed", Committed),
            ("refused", Refused),
            ("elapsed s", Elapsed.TotalSeconds.ToString("F2")),
            ("committed tx/s", (Committed / Elapsed.TotalSeconds).ToString("F0")),
            ("p50 submit-to-commit ms", P50Ms.ToString("F1")),
            ("p99 submit-to-commit ms", P99Ms.ToString("F1")),
            ("node rss MiB", (node.RssBytes / 1024.0 / 1024.0).ToString("F0")),
            ("node height", node.Height),
            ("first refusal", FirstError ?? ""),
        ]);
    }
}
