using System.Text;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Grants;
using TrustLedger.Contracts.Handovers;
using TrustLedger.Contracts.Membership;
using TrustLedger.Contracts.Messages;
using TrustLedger.Contracts.Points;
using TrustLedger.Node.Core.Execution;
using TrustLedger.Node.Grains.Watch;
using TrustLedger.Node.Tests.Support;
using TrustLedger.Protocol.Primitives;
using Xunit;

namespace TrustLedger.Node.Tests.Watch;

/// <summary>Changed state keys → watchable entities, for the key layouts of docs/contracts.md.</summary>
public sealed class WatchTopicMapTests
{
    private const string CaseId = "5c1e8f0e0d6b4a3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6b5a";
    private static readonly Address Resident = Address.Parse("0x00112233445566778899aabbccddeeff00112233");
    private const string ResidentHex = "00112233445566778899aabbccddeeff00112233";

    public static TheoryData<string, WatchKind, string> EntityKeys => new()
    {
        { HandoverState.CasePath(CaseId), WatchKind.Case, CaseId },
        { HandoverState.History(CaseId).Prefix + "/n", WatchKind.Case, CaseId },
        { HandoverState.History(CaseId).Prefix + "/" + StateKey.Position(7), WatchKind.Case, CaseId },
        { HandoverState.Inbox("water-bureau").Prefix + "/n", WatchKind.DepartmentInbox, "water-bureau" },
        { DataSharingState.GrantPath(CaseId), WatchKind.Grant, CaseId },
        { DataSharingState.AccessLog(CaseId).Prefix + "/" + StateKey.Position(1), WatchKind.Grant, CaseId },
        { PointsState.AccountPath(Resident), WatchKind.PointsAccount, ResidentHex },
        { PointsState.History(Resident).Prefix + "/n", WatchKind.PointsAccount, ResidentHex },
        { PointsState.RedemptionPath(Resident, "r-1"), WatchKind.PointsAccount, ResidentHex },
    };

    [Theory]
    [MemberData(nameof(EntityKeys))]
    public void A_key_of_an_entity_maps_to_it(string key, WatchKind kind, string id) =>
        Assert.Equal(new WatchTopic(kind, id), WatchTopicMap.FromKey(Encoding.UTF8.GetBytes(key)));

    [Fact]
    public void Every_key_a_set_operation_writes_maps_to_the_set_owner()
    {
        var state = new RecordingState();
        HandoverState.Inbox("water").Add(state, "a");
        HandoverState.Inbox("water").Add(state, "b");
        HandoverState.Inbox("water").Remove(state, "a");
        Assert.True(state.Written.Count >= 7);
        Assert.All(state.Written, key => Assert.Equal(new WatchTopic(WatchKind.DepartmentInbox, "water"), WatchTopicMap.FromKey(key)));
    }

    [Theory]
    [InlineData("c/all/n")]
    [InlineData("c/hubq/m/5c1e")]
    [InlineData("c/stat/total")]
    [InlineData("c/stat/dept/water")]
    [InlineData("d/ds/5c1e")]
    [InlineData("d/ds_grants/5c1e/n")]
    [InlineData("d/pending_owner/water/n")]
    [InlineData("p/total")]
    [InlineData("p/issuer/community")]
    [InlineData("p/issued/community/202611")]
    [InlineData("g/prop/5c1e")]
    [InlineData("m/org/water")]
    [InlineData("c/case/")]
    [InlineData("c/casex/5c1e")]
    [InlineData("")]
    public void Keys_of_other_state_map_to_nothing(string key) => Assert.Null(WatchTopicMap.FromKey(Encoding.UTF8.GetBytes(key)));

    [Fact]
    public void Binary_keys_map_to_nothing()
    {
        Assert.Null(WatchTopicMap.FromKey(NonceKeys.For(Resident, 42)));
        Assert.Null(WatchTopicMap.FromKey(MembershipState.KeyEntry(Resident)));
    }

    [Fact]
    public void A_hand_over_changes_the_case_and_the_department_inbox_and_nothing_else_watchable()
    {
        var ledger = new TestLedger();
        var caseId = ledger.ReportCase();
        var handOver = ledger.HandOver(caseId, "water");
        Assert.Equal([new WatchTopic(WatchKind.DepartmentInbox, "water"), new WatchTopic(WatchKind.Case, caseId)],
            WatchTopicMap.FromKeys(handOver.ChangedKeys).OrderBy(t => t.Kind == WatchKind.Case));
    }

    [Fact]
    public void A_reassignment_changes_both_inboxes()
    {
        var ledger = new TestLedger();
        var caseId = ledger.ReportCase();
        ledger.HandOver(caseId, "water");
        var reassign = ledger.Commit(ledger.Hub, "case.reassign", new ReassignCaseRequest
        {
            CaseId = caseId, Department = "parks", DeadlineMs = ledger.NowMs + 86_400_000, Reason = "parks own the square",
        });
        var topics = WatchTopicMap.FromKeys(reassign.ChangedKeys);
        Assert.Contains(new WatchTopic(WatchKind.DepartmentInbox, "water"), topics);
        Assert.Contains(new WatchTopic(WatchKind.DepartmentInbox, "parks"), topics);
        Assert.Contains(new WatchTopic(WatchKind.Case, caseId), topics);
    }

    [Fact]
    public void An_award_changes_the_resident_account_and_an_approval_the_grant()
    {
        var ledger = new TestLedger();
        var award = ledger.Award(ledger.Resident.Address, 50);
        Assert.Equal([new WatchTopic(WatchKind.PointsAccount, Convert.ToHexStringLower(ledger.Resident.Address.Bytes))],
            WatchTopicMap.FromKeys(award.ChangedKeys));

        var grantId = ledger.RequestGrant();
        var approve = ledger.ApproveGrant(grantId, TimeSpan.FromDays(1));
        Assert.Equal([new WatchTopic(WatchKind.Grant, grantId)], WatchTopicMap.FromKeys(approve.ChangedKeys));
    }

    [Fact]
    public void An_anchor_changes_nothing_watchable() =>
        Assert.Empty(WatchTopicMap.FromKeys(new TestLedger().Tick().ChangedKeys));
}
