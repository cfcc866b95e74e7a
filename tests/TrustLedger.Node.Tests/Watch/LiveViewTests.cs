using Google.Protobuf;
using TrustLedger.Contracts.Messages;
using TrustLedger.Node.Grains.Watch;
using TrustLedger.Node.Grains.Watch.Views;
using TrustLedger.Node.Tests.Support;
using TrustLedger.Proto.Api.V1;
using Xunit;

namespace TrustLedger.Node.Tests.Watch;

/// <summary>The pure views: what a watcher is told after each committed block, read from real contract state.</summary>
public sealed class LiveViewTests
{
    private readonly TestLedger _ledger = new();

    private IMessage? Refresh(LiveView view, long? judgedAtMs = null) => _ledger.Ledger.ReadState(state => view.Refresh(state, Stamp(judgedAtMs)));

    private IMessage Snapshot(LiveView view, ulong? after = null) => _ledger.Ledger.ReadState(state => view.Snapshot(state, Stamp(), after));

    private bool Exists(LiveView view) => _ledger.Ledger.ReadState(view.Exists);

    // Judged as a transaction submitted right after the head would be, unless a test moves the clock on.
    private ViewStamp Stamp(long? judgedAtMs = null) => new()
    {
        Height = _ledger.Ledger.Height,
        BlockTimeMs = _ledger.Ledger.HeadTimeMs,
        JudgedAtMs = judgedAtMs ?? _ledger.Ledger.HeadTimeMs + 1,
    };

    [Fact]
    public void Inbox_reports_new_hand_overs_changes_to_waiting_cases_and_cases_that_leave()
    {
        var view = new DepartmentInboxView("water", 1000);
        Assert.Null(Refresh(view)); // baseline
        var caseId = _ledger.ReportCase();
        Assert.Null(Refresh(view)); // reported cases wait on the hub, not on the department

        _ledger.HandOver(caseId, "water");
        var handedOver = Assert.IsType<InboxUpdate>(Refresh(view));
        Assert.Equal(CaseState.HandedOver, Assert.Single(handedOver.Cases).State);
        Assert.Equal((1u, 0u), (handedOver.Waiting, handedOver.Overdue));
        Assert.False(handedOver.Stamp.Snapshot);
        Assert.Contains(new WatchTopic(WatchKind.Case, caseId), view.Topics);

        _ledger.Accept(caseId, _ledger.Water);
        var accepted = Assert.IsType<InboxUpdate>(Refresh(view));
        Assert.Equal(CaseState.Accepted, Assert.Single(accepted.Cases).State);
        Assert.Empty(accepted.Removed);

        _ledger.Handle(caseId, _ledger.Water);
        var handled = Assert.IsType<InboxUpdate>(Refresh(view));
        Assert.Empty(handled.Cases);
        Assert.Equal([caseId], handled.Removed);
        Assert.Equal(0u, handled.Waiting);
        Assert.Null(Refresh(view));
    }

    [Fact]
    public void Inbox_snapshot_holds_every_waiting_case_earliest_deadline_first()
    {
        var later = _ledger.ReportCase();
        var sooner = _ledger.ReportCase();
        _ledger.HandOver(later, "water", TimeSpan.FromDays(5));
        _ledger.HandOver(sooner, "water", TimeSpan.FromDays(1));
        var view = new DepartmentInboxView("water", 1000);
        Refresh(view);
        var snapshot = Assert.IsType<InboxUpdate>(Snapshot(view));
        Assert.True(snapshot.Stamp.Snapshot);
        Assert.Equal([sooner, later], snapshot.Cases.Select(c => c.Id));
        Assert.Empty(snapshot.Removed);
        Assert.True(Exists(view));
        Assert.False(Exists(new DepartmentInboxView("no-such-department", 1000)));
    }

    [Fact]
    public void An_inbox_case_becomes_overdue_by_time_alone_and_the_view_says_when()
    {
        var caseId = _ledger.ReportCase();
        var handOver = _ledger.HandOver(caseId, "water", TimeSpan.FromSeconds(1));
        var view = new DepartmentInboxView("water", 1000);
        Refresh(view);
        var deadline = _ledger.Ledger.ReadState(s => Contracts.Handovers.HandoverState.GetCase(s, caseId))!.DeadlineMs;
        Assert.Equal(deadline + 1, view.WakeAtMs);
        Assert.Null(Refresh(view, judgedAtMs: deadline)); // due at the deadline, overdue only after it

        var overdue = Assert.IsType<InboxUpdate>(Refresh(view, judgedAtMs: deadline + 1)); // no block since the hand-over
        Assert.Equal(1u, overdue.Overdue);
        Assert.Empty(overdue.Cases);
        Assert.Equal(long.MaxValue, view.WakeAtMs);
        Assert.Equal(handOver.Block!.Height, overdue.Stamp.Height);
    }

    [Fact]
    public void Case_updates_carry_the_history_entries_added_since_the_last_one()
    {
        var caseId = _ledger.ReportCase();
        var view = new CaseView(caseId, 1000);
        Assert.True(Exists(view));
        Assert.Null(Refresh(view));
        var first = Assert.IsType<CaseUpdate>(Snapshot(view));
        Assert.Equal(["case.report"], first.Events.Select(e => e.Action)); // the first message carries the history so far
        Assert.Equal(1ul, view.Cursor);

        _ledger.HandOver(caseId, "water");
        _ledger.Accept(caseId, _ledger.Water);
        var update = Assert.IsType<CaseUpdate>(Refresh(view));
        Assert.Equal(CaseState.Accepted, update.Value.State);
        Assert.Equal(["case.hand_over", "case.accept"], update.Events.Select(e => e.Action));
        Assert.Equal(3ul, view.Cursor);

        var resync = Assert.IsType<CaseUpdate>(Snapshot(view, after: 2));
        Assert.Equal(["case.accept"], resync.Events.Select(e => e.Action));
    }

    [Fact]
    public void An_unknown_case_does_not_exist()
    {
        var view = new CaseView(new string('a', 64), 1000);
        Assert.False(Exists(view));
        Assert.Null(Refresh(view));
    }

    [Fact]
    public void Snapshot_history_is_capped_to_the_newest_entries()
    {
        var caseId = _ledger.ReportCase();
        _ledger.HandOver(caseId, "water");
        _ledger.Accept(caseId, _ledger.Water);
        var view = new CaseView(caseId, maxEntries: 2);
        Refresh(view);
        var snapshot = Assert.IsType<CaseUpdate>(Snapshot(view));
        Assert.Equal(["case.hand_over", "case.accept"], snapshot.Events.Select(e => e.Action));
    }

    [Fact]
    public void A_grant_reads_expired_from_its_expiry_on()
    {
        var grantId = _ledger.RequestGrant();
        var view = new GrantView(grantId, 1000);
        Refresh(view);
        Assert.Equal(GrantStatus.Requested, Assert.IsType<GrantUpdate>(Snapshot(view)).EffectiveStatus);

        _ledger.ApproveGrant(grantId, TimeSpan.FromSeconds(1));
        var approved = Assert.IsType<GrantUpdate>(Refresh(view));
        Assert.Equal(GrantStatus.Active, approved.EffectiveStatus);
        Assert.Equal(approved.Value.ExpiresAtMs, view.WakeAtMs);

        var expired = Assert.IsType<GrantUpdate>(Refresh(view, judgedAtMs: approved.Value.ExpiresAtMs));
        Assert.Equal(GrantStatus.Expired, expired.EffectiveStatus);
        Assert.Equal(GrantStatus.Active, expired.Value.Status); // stored status; expiry is derived
        Assert.Equal(long.MaxValue, view.WakeAtMs);
    }

    [Fact]
    public void A_points_account_exists_before_its_first_award_and_reports_each_new_entry()
    {
        var view = new PointsAccountView(Convert.ToHexStringLower(_ledger.Resident.Address.Bytes), 1000);
        Assert.True(Exists(view));
        Assert.Null(Refresh(view));
        var empty = Assert.IsType<PointsAccountUpdate>(Snapshot(view));
        Assert.Null(empty.Account);
        Assert.Equal(0ul, empty.UsableBalance);

        _ledger.Award(_ledger.Resident.Address, 50);
        _ledger.Award(_ledger.Resident.Address, 20, expiresAtMs: _ledger.NowMs + 60_000);
        var update = Assert.IsType<PointsAccountUpdate>(Refresh(view));
        Assert.Equal(70ul, update.Account.Balance);
        Assert.Equal(70ul, update.UsableBalance);
        Assert.Equal([50ul, 20ul], update.Entries.Select(e => e.Amount));
        Assert.True(view.WakeAtMs < long.MaxValue);

        var expiring = Assert.IsType<PointsAccountUpdate>(Refresh(view, judgedAtMs: view.WakeAtMs));
        Assert.Equal(50ul, expiring.UsableBalance); // the lot is past its expiry, not yet booked
        Assert.Empty(expiring.Entries);
    }
}
