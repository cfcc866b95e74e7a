using System.CommandLine;
using System.Diagnostics;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Sdk;

namespace TrustLedger.Cli.Commands;

/// <summary>
/// <c>tl bench</c>: the load generator. Pre-signs N transactions (so client-side signing is not measured), then
/// either keeps C callers busy with batches of B that wait for commit (closed loop: the most the node takes), or with
/// <c>--rate</c> offers a fixed number of transactions per second regardless of how fast they commit (open loop: the
/// latency a given load sees). <c>--node a,b,c</c> spreads the batches over several nodes of one network. Reports
/// committed tx/s, p50/p99 submit-to-commit latency and each node's RSS.
/// </summary>
internal static class BenchCommand
{
    public static Command Build()
    {
        var count = new Option<int>("--count", "-N") { Description = "Transactions to submit", DefaultValueFactory = _ => 100_000 };
        var concurrency = new Option<int>("--concurrency", "-c") { Description = "Concurrent callers (closed loop)", DefaultValueFactory = _ => 32 };
        var batch = new Option<int>("--batch", "-b") { Description = "Transactions per SubmitBatch call (1 = single Submit calls)", DefaultValueFactory = _ => 100 };
        var size = new Option<int>("--payload-bytes") { Description = "Payload size", DefaultValueFactory = _ => 100 };
        var rate = new Option<int>("--rate") { Description = "Offered load in tx/s (open loop); 0 = as fast as the callers go", DefaultValueFactory = _ => 0 };
        var command = new Command("bench", "Load generator: pre-signed transactions, concurrent callers or a fixed rate, throughput and latency")
            { count, concurrency, batch, size, rate };
        command.SetGuardedAction(async (parse, cancellation) =>
        {
            var n = parse.GetValue(count);
            var c = parse.GetValue(concurrency);
            var b = parse.GetValue(batch);
            var r = parse.GetValue(rate);
            if (n < 1 || c < 1 || b < 1 || r < 0) throw new CliException("--count, --concurrency and --batch must be positive, --rate not negative");
            var key = CommonOptions.LoadKey(parse.GetValue(CommonOptions.Key)!);
            var endpoints = parse.GetValue(CommonOptions.Node)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var clients = new List<TrustLedgerClient>();
            try
            {
                foreach (var endpoint in endpoints) clients.Add(await TrustLedgerClient.ConnectAsync(endpoint, key, CommonOptions.Tls(parse), cancellation));
                var txs = PreSign(clients[0], n, parse.GetValue(size));
                var load = new BenchLoad(clients, txs, b);
                var result = r > 0 ? await load.RunAtRate(r, cancellation) : await load.RunClosed(c, cancellation);
                var nodes = new List<NodeInfo>();
                foreach (var client in clients) nodes.Add(await client.GetStatusAsync(cancellation));
                result.Print(parse.GetValue(CommonOptions.Json), n, r > 0 ? $"{r} tx/s offered" : $"{c} callers", b, nodes);
            }
            finally
            {
                foreach (var client in clients) client.Dispose();
            }
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
}
