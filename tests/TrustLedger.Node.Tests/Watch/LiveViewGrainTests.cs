using TrustLedger.Contracts.Messages;
using TrustLedger.Node.Grains.Watch;
using TrustLedger.Node.Services.Watch;
using TrustLedger.Node.Tests.Support;
using TrustLedger.Proto.Api.V1;
using Xunit;

namespace TrustLedger.Node.Tests.Watch;

/// <summary>The live-view grains in a silo, fed by the dispatcher from committed blocks, pushing to observers.</summary>
public sealed class LiveViewGrainTests(LiveViewCluster cluster) : IClassFixture<LiveViewCluster>
{
    private TestLedger Ledger => cluster.Ledger;

    private (ChannelObserver Observer, ILiveViewObserver Reference) NewObserver(int capacity = 64)
    {
        var observer = new ChannelObserver(capacity);
        return (observer, cluster.Client.CreateObjectReference<ILiveViewObserver>(observer));
    }

    [Fact]
    public async Task A_department_watching_its_inbox_is_told_of_a_hand_over_and_of_what_happens_to_the_case()
    {
        var inbox = cluster.Client.GetGrain<IDepartmentInboxGrain>("water");
        var (observer, reference) = NewObserver();
        var snapshot = await inbox.Subscribe(reference, after: null);
        Assert.True(snapshot.Found);
        Assert.True(InboxUpdate.Parser.ParseFrom(snapshot.Payload).Stamp.Snapshot);

        var caseId = Ledger.ReportCase();
        var handOver = Ledger.HandOver(caseId, "water");
        var pushed = await observer.Updates.Next();
        var update = InboxUpdate.Parser.ParseFrom(pushed.Payload);
        Assert.Equal(handOver.Block!.Height, update.Stamp.Height);
        Assert.Equal(caseId, Assert.Single(update.Cases).Id);
        Assert.Equal(snapshot.Sequence + 1, pushed.Sequence);

        Ledger.Accept(caseId, Ledger.Water); // changes the case only, not the inbox set
        var accepted = InboxUpdate.Parser.ParseFrom((await observer.Updates.Next()).Payload);
        Assert.Equal(CaseState.Accepted, Assert.Single(accepted.Cases).State);

        Ledger.Handle(caseId, Ledger.Water);
        var handled = InboxUpdate.Parser.ParseFrom((await observer.Updates.Next()).Payload);
        Assert.Equal([caseId], handled.Removed);
        await inbox.Unsubscribe(reference);
    }

    [Fact]
    public async Task An_unknown_case_is_not_found_and_the_observer_is_not_kept()
    {
        var grain = cluster.Client.GetGrain<ICaseGrain>(new string('b', 64));
        var (_, reference) = NewObserver();
        var snapshot = await grain.Subscribe(reference, after: null);
        Assert.False(snapshot.Found);
        Assert.False(await grain.Renew(reference));
    }

    [Fact]
    public async Task A_watcher_that_leaves_does_not_disturb_the_others()
    {
        var caseId = Ledger.ReportCase();
        var grain = cluster.Client.GetGrain<ICaseGrain>(caseId);
        var (staying, stayingRef) = NewObserver();
        var (_, leavingRef) = NewObserver();
        await grain.Subscribe(stayingRef, after: null);
        await grain.Subscribe(leavingRef, after: null);
        await grain.Unsubscribe(leavingRef);
        cluster.Client.DeleteObjectReference<ILiveViewObserver>(leavingRef);

        Ledger.HandOver(caseId, "parks");
        var update = CaseUpdate.Parser.ParseFrom((await staying.Updates.Next()).Payload);
        Assert.Equal(CaseState.HandedOver, update.Value.State);
        Assert.Equal(["case.hand_over"], update.Events.Select(e => e.Action));
        Assert.False(await grain.Renew(leavingRef));
        Assert.True(await grain.Renew(stayingRef));
    }

    [Fact]
    public async Task A_subscription_that_is_not_renewed_expires_and_a_new_one_starts_from_a_snapshot()
    {
        var caseId = Ledger.ReportCase();
        var grain = cluster.Client.GetGrain<ICaseGrain>(caseId);
        var (_, reference) = NewObserver();
        await grain.Subscribe(reference, after: null);
        Assert.True(await grain.Renew(reference));

        cluster.Clock.Advance(LiveViewCluster.Options.ObserverExpiry + TimeSpan.FromSeconds(1));
        Assert.False(await grain.Renew(reference));

        var again = await grain.Subscribe(reference, after: 1);
        Assert.True(again.Found);
        Assert.Empty(CaseUpdate.Parser.ParseFrom(again.Payload).Events); // it already holds event 1
        Assert.True(await grain.Renew(reference));
        await grain.Unsubscribe(reference);
    }

    [Fact]
    public async Task A_case_turns_overdue_for_its_watchers_at_the_deadline_without_a_block()
    {
        // The ledger's clock and the views' clock are separate manual clocks: start them level.
        var lead = cluster.Clock.GetUtcNow() - Ledger.Time.GetUtcNow();
        if (lead > TimeSpan.Zero) Ledger.Time.Advance(lead);
        var caseId = Ledger.ReportCase();
        var handOver = Ledger.HandOver(caseId, "parks", TimeSpan.FromSeconds(1));
        var grain = cluster.Client.GetGrain<ICaseGrain>(caseId);
        var (observer, reference) = NewObserver();
        var snapshot = CaseUpdate.Parser.ParseFrom((await grain.Subscribe(reference, after: null)).Payload);
        Assert.False(snapshot.Overdue);

        cluster.Clock.Advance(TimeSpan.FromSeconds(2)); // past the deadline; the view's timer re-reads it then
        var update = CaseUpdate.Parser.ParseFrom((await observer.Updates.Next()).Payload);
        Assert.True(update.Overdue);
        Assert.Equal(handOver.Block!.Height, update.Stamp.Height); // no block since
        Assert.Empty(update.Events);
        await grain.Unsubscribe(reference);
    }

    [Fact]
    public async Task Points_watchers_see_awards_with_their_history_entries()
    {
        var resident = Ledger.Suite.GenerateKey().Address;
        var grain = cluster.Client.GetGrain<IPointsAccountGrain>(Convert.ToHexStringLower(resident.Bytes));
        var (observer, reference) = NewObserver();
        var snapshot = PointsAccountUpdate.Parser.ParseFrom((await grain.Subscribe(reference, after: null)).Payload);
        Assert.Null(snapshot.Account);

        Ledger.Award(resident, 40);
        var update = PointsAccountUpdate.Parser.ParseFrom((await observer.Updates.Next()).Payload);
        Assert.Equal(40ul, update.UsableBalance);
        Assert.Equal(PointsEntryKind.Award, Assert.Single(update.Entries).Kind);
        await grain.Unsubscribe(reference);
    }
}
