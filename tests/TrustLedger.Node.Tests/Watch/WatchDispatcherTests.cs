using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrustLedger.Node.Grains.Watch;
using TrustLedger.Node.Hosting.Watch;
using TrustLedger.Node.Tests.Support;
using Xunit;

namespace TrustLedger.Node.Tests.Watch;

/// <summary>The dispatcher between the chain's publish and the watch directory: coalescing and a bounded backlog.</summary>
public sealed class WatchDispatcherTests
{
    private readonly TestLedger _ledger = new();
    private readonly DirectoryRecorder _directory = new();

    private WatchDispatcher Dispatcher(int backlog) => new(_ledger.Feed, _directory.AsFactory(),
        Options.Create(new LiveViewOptions { DispatchBacklog = backlog }), NullLogger<WatchDispatcher>.Instance);

    private async Task<ChangeBatch> NextBatch()
    {
        using var deadline = new CancellationTokenSource(Waits.Deadline);
        return await _directory.Batches.Reader.ReadAsync(deadline.Token);
    }

    [Fact]
    public async Task Blocks_queued_while_the_dispatcher_is_busy_arrive_as_one_batch_at_the_newest_height()
    {
        var dispatcher = Dispatcher(backlog: 16); // not started yet: everything queues
        var caseId = _ledger.ReportCase();
        var handOver = _ledger.HandOver(caseId, "water");
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            var batch = await NextBatch();
            Assert.Equal(handOver.Block!.Height, batch.Height);
            Assert.False(batch.Overflowed);
            Assert.Equal(
                new[] { new WatchTopic(WatchKind.Case, caseId), new WatchTopic(WatchKind.DepartmentInbox, "water") }.OrderBy(t => t.ToString()),
                batch.Changed.OrderBy(t => t.ToString()));
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_full_backlog_marks_the_next_batch_overflowed_and_still_reaches_the_newest_height()
    {
        var dispatcher = Dispatcher(backlog: 1);
        var caseId = _ledger.ReportCase();          // queued
        _ledger.HandOver(caseId, "water");          // dropped
        var newest = _ledger.Tick();                // dropped
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            var batch = await NextBatch();
            Assert.True(batch.Overflowed);
            Assert.Equal(newest.Block!.Height, batch.Height);

            var next = _ledger.Tick();
            var after = await NextBatch();
            Assert.False(after.Overflowed);
            Assert.Equal(next.Block!.Height, after.Height);
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }
}
