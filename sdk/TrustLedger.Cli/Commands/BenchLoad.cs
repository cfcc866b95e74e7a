using System.Diagnostics;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Sdk;

namespace TrustLedger.Cli.Commands;

/// <summary>Submits pre-signed transactions in batches over one or more nodes and records each one's submit-to-commit time.</summary>
internal sealed class BenchLoad(IReadOnlyList<TrustLedgerClient> clients, SignedTransaction[] txs, int batchSize)
{
    private readonly double[] _latencies = new double[txs.Length];
    private readonly Stopwatch _clock = new();
    private int _committed;
    private int _refused;
    private int _batches;
    private string? _firstError;

    /// <summary>C callers, each sending its next batch once the previous one committed.</summary>
    public async Task<BenchResult> RunClosed(int callers, CancellationToken cancellation)
    {
        var next = -batchSize;
        async Task Caller()
        {
            while (true)
            {
                var start = Interlocked.Add(ref next, batchSize);
                if (start >= txs.Length) return;
                await Submit(start, cancellation);
            }
        }
        return await Measure(() => Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(Caller, cancellation))));
    }

    /// <summary>One batch every batch/rate seconds, whether or not earlier ones have committed.</summary>
    public Task<BenchResult> RunAtRate(int txPerSecond, CancellationToken cancellation) => Measure(async () =>
    {
        var inFlight = new List<Task>();
        var interval = TimeSpan.FromSeconds((double)batchSize / txPerSecond);
        var k = 0;
        for (var start = 0; start < txs.Length; start += batchSize, k++)
        {
            var due = interval * k;
            var wait = due - _clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellation);
            inFlight.Add(Submit(start, cancellation));
        }
        await Task.WhenAll(inFlight);
    });

    private async Task<BenchResult> Measure(Func<Task> load)
    {
        _clock.Start();
        using var progress = new Timer(_ => Console.Error.WriteLine(
            $"  {_clock.Elapsed.TotalSeconds,6:F1} s  committed {Volatile.Read(ref _committed),9:N0}  refused {Volatile.Read(ref _refused):N0}"), null, 1000, 1000);
        await load();
        var elapsed = _clock.Elapsed;
        var sorted = _latencies.Where(l => l > 0).Order().ToArray();
        return new BenchResult(_committed, _refused, elapsed, Percentile(sorted, 0.50), Percentile(sorted, 0.99), _firstError);
    }

    private async Task Submit(int start, CancellationToken cancellation)
    {
        var client = clients[Interlocked.Increment(ref _batches) % clients.Count];
        var slice = txs.AsSpan(start, Math.Min(batchSize, txs.Length - start)).ToArray();
        var sent = _clock.Elapsed.TotalMilliseconds;
        IReadOnlyList<SubmitOutcome> outcomes;
        try
        {
            outcomes = await client.SubmitBatchAsync(slice, waitForCommit: true, TimeSpan.FromSeconds(60), cancellation);
        }
        catch (Grpc.Core.RpcException e)
        {
            Interlocked.Add(ref _refused, slice.Length);
            Interlocked.CompareExchange(ref _firstError, $"{e.StatusCode}: {e.Status.Detail}", null);
            return;
        }
        var done = _clock.Elapsed.TotalMilliseconds;
        for (var i = 0; i < outcomes.Count; i++)
        {
            if (outcomes[i].Accepted && outcomes[i].Receipt is not null)
            {
                _latencies[start + i] = Math.Max(done - sent, 1e-3);
                Interlocked.Increment(ref _committed);
            }
            else
            {
                Interlocked.Increment(ref _refused);
                Interlocked.CompareExchange(ref _firstError, $"{outcomes[i].Code}: {outcomes[i].Message}", null);
            }
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}

internal sealed record BenchResult(int Committed, int Refused, TimeSpan Elapsed, double P50Ms, double P99Ms, string? FirstError)
{
    public void Print(bool json, int n, string load, int batch, IReadOnlyList<NodeInfo> nodes) => Output.Print(json,
    [
        ("transactions", n),
        ("load", load),
        ("batch", batch),
        ("nodes", nodes.Count),
        ("committed", Committed),
        ("refused", Refused),
        ("elapsed s", Elapsed.TotalSeconds.ToString("F2")),
        ("committed tx/s", (Committed / Elapsed.TotalSeconds).ToString("F0")),
        ("p50 submit-to-commit ms", P50Ms.ToString("F1")),
        ("p99 submit-to-commit ms", P99Ms.ToString("F1")),
        ("node rss MiB", string.Join(" / ", nodes.Select(node => (node.RssBytes / 1024.0 / 1024.0).ToString("F0")))),
        ("node height", nodes.Max(node => node.Height)),
        ("first refusal", FirstError ?? ""),
    ]);
}
