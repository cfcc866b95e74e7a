using Grpc.Core;
using TrustLedger.EndToEnd.Tests.Support;
using TrustLedger.Protocol.Crypto.KeyFiles;
using TrustLedger.Sdk;
using Xunit;

namespace TrustLedger.EndToEnd.Tests.Access;

/// <summary>One caller holds a bounded number of watch streams on a node (Watch:MaxStreamsPerCaller); the next is RESOURCE_EXHAUSTED.</summary>
public sealed class WatchQuotaTests
{
    [Fact]
    public async Task A_caller_beyond_its_stream_quota_is_refused_until_one_of_its_streams_ends()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tl-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        await using var node = new NodeProcess(dir, ["--dev", "--suite", "eth", "--Watch:MaxStreamsPerCaller", "2"]);
        await node.Start();
        using var client = await TrustLedgerClient.ConnectAsync(node.Endpoint, KeyFile.Load(node.ClientKeyPath, NodeProcess.Password));
        using var first = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var second = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var a = client.WatchInboxAsync("dev", first.Token).GetAsyncEnumerator(first.Token);
        await using var b = client.WatchInboxAsync("dev", second.Token).GetAsyncEnumerator(second.Token);
        Assert.True(await a.MoveNextAsync());
        Assert.True(await b.MoveNextAsync());

        var refused = await Assert.ThrowsAsync<RpcException>(async () => { await foreach (var _ in client.WatchInboxAsync("dev")) break; });
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("organisation 'dev'", refused.Status.Detail);

        await first.CancelAsync(); // the client leaves one stream: its slot is free again once the node sees the call end
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                await foreach (var _ in client.WatchInboxAsync("dev", deadline.Token)) break;
                return;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted && !deadline.IsCancellationRequested)
            {
                await Task.Delay(50, deadline.Token); // the server learns of the cancelled call asynchronously
            }
        }
    }
}
