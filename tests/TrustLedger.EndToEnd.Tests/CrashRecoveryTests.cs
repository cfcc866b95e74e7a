using TrustLedger.Protocol.Crypto.KeyFiles;
using System.Collections.Concurrent;
using TrustLedger.EndToEnd.Tests.Support;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;
using TrustLedger.Sdk;
using Xunit;
using Xunit.Abstractions;

namespace TrustLedger.EndToEnd.Tests;

/// <summary>Invariant 2: a receipt means durable. kill -9 during load loses no acknowledged transaction; the node restarts from its own files.</summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("eth")]
    [InlineData("sm")]
    public async Task Kill9_during_load_loses_no_acknowledged_transaction(string suite)
    {
        await using var node = await NodeProcess.StartNew(output, suite);
        var key = KeyFile.Load(node.ClientKeyPath, NodeProcess.Password);
        var acknowledged = new ConcurrentDictionary<Hash32, ulong>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        async Task Submitter(int worker)
        {
            using var client = await TrustLedgerClient.ConnectAsync(node.Endpoint, key);
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var batch = Enumerable.Range(0, 20).Select(j => client.Sign("anchor.put", BitConverter.GetBytes(worker * 1_000_000 + i * 20 + j))).ToArray();
                IReadOnlyList<SubmitOutcome> outcomes;
                try
                {
                    outcomes = await client.SubmitBatchAsync(batch, waitForCommit: true, TimeSpan.FromSeconds(20), stop.Token);
                }
                catch (Exception) when (stop.IsCancellationRequested || node.Killing)
                {
                    return; // the node was killed under us: unacknowledged, so nothing is promised
                }
                foreach (var outcome in outcomes.Where(o => o.Receipt is not null))
                    acknowledged[outcome.TxId] = outcome.Receipt!.Height;
                if (acknowledged.Count >= 3_000) enough.TrySetResult();
            }
        }

        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(() => Submitter(w))).ToArray();
        await enough.Task.WaitAsync(TimeSpan.FromMinutes(3));
        await node.Kill();                      // mid-load: blocks are being written
        stop.Cancel();
        await Task.WhenAll(workers);
        var snapshot = acknowledged.ToArray();
        output.WriteLine($"{snapshot.Length} acknowledged before kill -9, highest block {snapshot.Max(a => a.Value)}");

        await node.Start();                     // replays its own block log
        using var reader = await TrustLedgerClient.ConnectAsync(node.Endpoint, key); // raw transactions: the dev organisation is a validator
        Assert.True(reader.Node.Height >= snapshot.Max(a => a.Value));
        foreach (var (txId, height) in snapshot)
        {
            var committed = await reader.GetTransactionAsync(txId);
            Assert.Equal(height, committed.Receipt.Height);
        }

        using var writer = await TrustLedgerClient.ConnectAsync(node.Endpoint, key);
        Assert.True((await writer.SubmitAsync("anchor.put", "after restart"u8.ToArray())).Success);
    }
}
