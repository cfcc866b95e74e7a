using Grpc.Core;
using TrustLedger.Contracts.Messages;
using TrustLedger.Node.Grains.Watch;
using TrustLedger.Node.Services.Watch;
using TrustLedger.Node.Tests.Support;
using TrustLedger.Proto.Api.V1;
using Xunit;

namespace TrustLedger.Node.Tests.Watch;

/// <summary>One live view into one server stream: order, back-pressure by resync, NOT_FOUND.</summary>
public sealed class LiveViewStreamTests(LiveViewCluster cluster) : IClassFixture<LiveViewCluster>
{
    private TestLedger Ledger => cluster.Ledger;

    private LiveViewStream<T> Stream<T>(Google.Protobuf.MessageParser<T> parser) where T : class, IWatchUpdate, Google.Protobuf.IMessage<T> =>
        new(cluster.Client, LiveViewCluster.Options, TimeProvider.System, parser);

    private static async Task<T> Next<T>(GatedWriter<T> writer)
    {
        using var deadline = new CancellationTokenSource(Waits.Deadline);
        return await writer.Written.Reader.ReadAsync(deadline.Token);
    }

    [Fact]
    public async Task A_watcher_that_keeps_up_gets_every_change_in_order()
    {
        var resident = Ledger.Suite.GenerateKey().Address;
        var grain = cluster.Client.GetGrain<IPointsAccountGrain>(Convert.ToHexStringLower(resident.Bytes));
        var writer = new GatedWriter<PointsAccountUpdate>(free: int.MaxValue);
        using var stop = new CancellationTokenSource();
        var run = Stream(PointsAccountUpdate.Parser).Run(grain, new ChannelObserver(8), writer, "not found", Allowed, stop.Token);

        Assert.True((await Next(writer)).Stamp.Snapshot);
        for (ulong amount = 1; amount <= 3; amount++)
        {
            var award = Ledger.Award(resident, amount);
            var update = await Next(writer);
            Assert.False(update.Stamp.Snapshot);
            Assert.Equal(award.Block!.Height, update.Stamp.Height);
            Assert.Equal([amount], update.Entries.Select(e => e.Amount));
        }
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    private static void Allowed()
    {
    }

    [Fact]
    public async Task A_watcher_that_loses_the_right_to_the_view_is_ended_before_the_next_update()
    {
        var resident = Ledger.Suite.GenerateKey().Address;
        var grain = cluster.Client.GetGrain<IPointsAccountGrain>(Convert.ToHexStringLower(resident.Bytes));
        var writer = new GatedWriter<PointsAccountUpdate>(free: int.MaxValue);
        var allowed = true;
        void Authorise()
        {
            if (!Volatile.Read(ref allowed)) throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.PermissionDenied, "role revoked"));
        }
        using var stop = new CancellationTokenSource();
        var run = Stream(PointsAccountUpdate.Parser).Run(grain, new ChannelObserver(8), writer, "not found", Authorise, stop.Token);
        Assert.True((await Next(writer)).Stamp.Snapshot);
        Ledger.Award(resident, 1);
        Assert.False((await Next(writer)).Stamp.Snapshot);

        Volatile.Write(ref allowed, false);
        Ledger.Award(resident, 2);
        var ended = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => run);
        Assert.Equal(Grpc.Core.StatusCode.PermissionDenied, ended.StatusCode);
        Assert.False(writer.Written.Reader.TryRead(out _)); // the update after the revocation was never written
    }

    [Fact]
    public async Task A_watcher_too_slow_to_keep_up_is_resynced_from_a_snapshot_and_misses_no_history()
    {
        var resident = Ledger.Suite.GenerateKey().Address;
        var grain = cluster.Client.GetGrain<IPointsAccountGrain>(Convert.ToHexStringLower(resident.Bytes));

        // A second watcher that keeps up tells the test when each change has been pushed.
        var pace = new ChannelObserver(64);
        var paceRef = cluster.Client.CreateObjectReference<ILiveViewObserver>(pace);
        await grain.Subscribe(paceRef, after: null);

        var slow = new ChannelObserver(LiveViewCluster.Options.WatcherBuffer);
        var dropped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        slow.Dropped += () => dropped.TrySetResult();
        var writer = new GatedWriter<PointsAccountUpdate>(free: 1); // takes the snapshot, then stalls
        using var stop = new CancellationTokenSource();
        var run = Stream(PointsAccountUpdate.Parser).Run(grain, slow, writer, "not found", Allowed, stop.Token);
        Assert.True((await Next(writer)).Stamp.Snapshot);

        const int awards = 6;
        for (var i = 1; i <= awards; i++)
        {
            var award = Ledger.Award(resident, (ulong)i);
            while ((await pace.Updates.Next()).Height < award.Block!.Height) { }
        }
        await dropped.Task.WaitAsync(Waits.Deadline); // more changes than the buffer holds
        writer.Release();

        // Read until a resync has come and every award's entry has arrived; depending on when the stream noticed
        // the overflow, plain updates may follow the resync snapshot.
        var received = new List<PointsAccountUpdate>();
        do received.Add(await Next(writer));
        while (!received.Any(u => u.Stamp.Resynced) || received.Sum(u => u.Entries.Count) < awards);
        Assert.Contains(received, u => u.Stamp.Resynced && u.Stamp.Snapshot);
        Assert.Equal((ulong)(awards * (awards + 1) / 2), received[^1].UsableBalance);
        // Updates before the resync plus the entries the resync carries: every award once, in order.
        Assert.Equal(Enumerable.Range(1, awards).Select(i => (ulong)i), received.SelectMany(u => u.Entries).Select(e => e.Sequence));

        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        await grain.Unsubscribe(paceRef);
    }

    [Fact]
    public async Task Watching_an_unknown_case_ends_with_not_found()
    {
        var grain = cluster.Client.GetGrain<ICaseGrain>(new string('c', 64));
        var writer = new GatedWriter<CaseUpdate>(free: int.MaxValue);
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Stream(CaseUpdate.Parser).Run(grain, new ChannelObserver(8), writer, "no case ccc…", Allowed, CancellationToken.None));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("no case ccc…", error.Status.Detail);
        Assert.False(writer.Written.Reader.TryRead(out _));
    }

    [Fact]
    public async Task A_case_stream_starts_with_the_history_so_far()
    {
        var caseId = Ledger.ReportCase();
        Ledger.HandOver(caseId, "water");
        var writer = new GatedWriter<CaseUpdate>(free: int.MaxValue);
        using var stop = new CancellationTokenSource();
        var run = Stream(CaseUpdate.Parser).Run(cluster.Client.GetGrain<ICaseGrain>(caseId), new ChannelObserver(8), writer, "nf", Allowed, stop.Token);
        var first = await Next(writer);
        Assert.Equal(CaseState.HandedOver, first.Value.State);
        Assert.Equal(["case.report", "case.hand_over"], first.Events.Select(e => e.Action));
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }
}
