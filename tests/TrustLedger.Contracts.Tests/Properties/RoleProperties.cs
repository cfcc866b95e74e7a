using CsCheck;
using Google.Protobuf;
using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Grants;
using TrustLedger.Contracts.Handovers;
using TrustLedger.Contracts.Messages;
using TrustLedger.Contracts.Points;
using TrustLedger.Contracts.Tests.Support;
using TrustLedger.Protocol.Ledger;
using Xunit;

namespace TrustLedger.Contracts.Tests.Properties;

/// <summary>No transaction by an organisation lacking the role it needs succeeds, or changes anything.</summary>
public sealed class RoleProperties
{
    /// <summary>The permission table of docs/contracts.md: the roles any one of which allows each transaction type.</summary>
    public static readonly IReadOnlyList<(string Type, string[] Roles)> RequiredRoles =
    [
        (GovernanceContract.ProposeType, ["admin"]), (GovernanceContract.ApproveType, ["admin"]),
        (GovernanceContract.RejectType, ["admin"]), (GovernanceContract.WithdrawType, ["admin"]),
        (DataSharingContract.RegisterDatasetType, ["department"]), (DataSharingContract.RetireDatasetType, ["department"]),
        (DataSharingContract.RequestType, ["department"]), (DataSharingContract.WithdrawType, ["department"]),
        (DataSharingContract.ApproveType, ["department"]), (DataSharingContract.DenyType, ["department"]),
        (DataSharingContract.RevokeType, ["department"]), (DataSharingContract.RecordAccessType, ["department"]),
        (DataSharingContract.PurgeType, ["department"]),
        (HandoverContract.ReportType, ["hub", "grid"]), (HandoverContract.HandOverType, ["hub"]),
        (HandoverContract.AcceptType, ["department"]), (HandoverContract.ReturnType, ["department"]),
        (HandoverContract.RecordHandlingType, ["department"]), (HandoverContract.CloseType, ["hub"]),
        (HandoverContract.SendBackType, ["hub"]), (HandoverContract.ReassignType, ["hub"]),
        (HandoverContract.EscalateType, ["hub"]), (HandoverContract.DismissType, ["hub"]),
        (PointsContract.AwardType, ["community"]), (PointsContract.RedeemType, ["store"]),
        (PointsContract.ExpireType, ["community", "store", "admin"]), (PointsContract.SetCapType, ["admin"]),
    ];

    [Fact]
    public void The_table_covers_every_transaction_type()
    {
        var all = GovernanceContract.TxTypes.Concat(DataSharingContract.TxTypes).Concat(HandoverContract.TxTypes).Concat(PointsContract.TxTypes);
        Assert.Equal(all.Order(StringComparer.Ordinal), RequiredRoles.Select(r => r.Type).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_organisation_without_the_role_is_always_refused()
    {
        Gen.Select(Gen.Int[0, (1 << Roles.All.Count) - 1], Gen.Int[0, RequiredRoles.Count - 1]).Sample((mask, index) =>
        {
            var (type, required) = RequiredRoles[index];
            var roles = Roles.All.Where((_, bit) => (mask & (1 << bit)) != 0).ToArray();
            if (roles.Intersect(required).Any()) return;
            var net = new TestNetwork([.. TestNetwork.DefaultOrganisations, ("probe", roles)]);
            var payload = Fixture(net, type);
            net.Refused(ErrorCode.PermissionDenied, "probe", type, payload);
        }, iter: 400);
    }

    /// <summary>A payload that the right organisation could submit successfully in a state prepared for it.</summary>
    private static IMessage Fixture(TestNetwork net, string type)
    {
        string Case(CaseState state) => Scenario.CaseIn(net, state);
        string Grant(GrantStatus status) => Scenario.GrantIn(net, status).GrantId;
        switch (type)
        {
            case GovernanceContract.ProposeType:
                return Payloads.Propose(new ProposalAction { SetAdminThreshold = new SetAdminThreshold { Threshold = 1 } });
            case GovernanceContract.ApproveType or GovernanceContract.RejectType or GovernanceContract.WithdrawType:
                var proposal = net.Run("admin-1", GovernanceContract.ProposeType,
                    Payloads.Propose(new ProposalAction { SetAdminThreshold = new SetAdminThreshold { Threshold = 1 } })).ShouldSucceed().CreatedId;
                return type == GovernanceContract.ApproveType ? new ApproveProposalRequest { ProposalId = proposal }
                    : type == GovernanceContract.RejectType ? new RejectProposalRequest { ProposalId = proposal, Reason = "no" }
                    : new WithdrawProposalRequest { ProposalId = proposal };
            case DataSharingContract.RegisterDatasetType: return Payloads.Dataset();
            case DataSharingContract.RetireDatasetType: return new RetireDatasetRequest { DatasetId = Scenario.RegisterDataset(net) };
            case DataSharingContract.RequestType: return Payloads.Request(Scenario.RegisterDataset(net));
            case DataSharingContract.WithdrawType: return new WithdrawAccessRequest { GrantId = Grant(GrantStatus.Requested) };
            case DataSharingContract.ApproveType: return new ApproveAccessRequest { GrantId = Grant(GrantStatus.Requested) };
            case DataSharingContract.DenyType: return new DenyAccessRequest { GrantId = Grant(GrantStatus.Requested), Reason = "no" };
            case DataSharingContract.RevokeType: return new RevokeGrantRequest { GrantId = Grant(GrantStatus.Active), Reason = "no" };
            case DataSharingContract.RecordAccessType: return Scenario.Access(Grant(GrantStatus.Active), "r");
            case DataSharingContract.PurgeType: return new PurgeRecordRequest { DatasetId = Scenario.RegisterDataset(net), RecordKeyHash = Payloads.Hash("r") };
            case HandoverContract.ReportType: return Payloads.Report();
            case HandoverContract.HandOverType:
                return new HandOverCaseRequest { CaseId = Case(CaseState.Reported), Department = "dept-a", DeadlineMs = net.TimeMs + Scenario.Day };
            case HandoverContract.AcceptType: return new AcceptCaseRequest { CaseId = Case(CaseState.HandedOver) };
            case HandoverContract.ReturnType: return new ReturnCaseRequest { CaseId = Case(CaseState.HandedOver), Reason = "no" };
            case HandoverContract.RecordHandlingType: return Scenario.Handling(Case(CaseState.Accepted));
            case HandoverContract.CloseType: return new CloseCaseRequest { CaseId = Case(CaseState.Handled), Satisfaction = 5 };
            case HandoverContract.SendBackType: return new SendBackCaseRequest { CaseId = Case(CaseState.Handled), Reason = "no" };
            case HandoverContract.ReassignType:
                return new ReassignCaseRequest { CaseId = Case(CaseState.HandedOver), Department = "dept-b", DeadlineMs = net.TimeMs + Scenario.Day, Reason = "x" };
            case HandoverContract.EscalateType:
                var overdue = Case(CaseState.HandedOver);
                net.NextBlock(2 * Scenario.Day);
                return new EscalateCaseRequest { CaseId = overdue, Reason = "late" };
            case HandoverContract.DismissType: return new DismissCaseRequest { CaseId = Case(CaseState.Reported), Reason = "dup" };
            case PointsContract.AwardType: return Payloads.Award("resident-1", 10);
            case PointsContract.RedeemType:
                net.Run("community-1", PointsContract.AwardType, Payloads.Award("resident-1", 10)).ShouldSucceed();
                return Payloads.Redeem(net, "resident-1", "probe", 5, "r-1");
            case PointsContract.ExpireType:
                net.Run("community-1", PointsContract.AwardType, Payloads.Award("resident-1", 10, expiresAtMs: net.TimeMs + 10)).ShouldSucceed();
                net.NextBlock(100);
                return new ExpirePointsRequest { Resident = Payloads.Address("resident-1") };
            case PointsContract.SetCapType: return new SetIssuerCapRequest { IssuerOrganisation = "community-1", MonthlyCap = 10 };
            default: throw new ArgumentOutOfRangeException(nameof(type));
        }
    }

    [Fact]
    public void The_fixtures_succeed_for_an_organisation_holding_the_role()
    {
        foreach (var (type, required) in RequiredRoles)
        {
            var net = new TestNetwork([.. TestNetwork.DefaultOrganisations, ("probe", required)]);
            var payload = Fixture(net, type);
            var actor = type switch
            {
                // These act on objects owned by (or assigned to) dept-a, or proposed by admin-1.
                DataSharingContract.RetireDatasetType or DataSharingContract.ApproveType or DataSharingContract.DenyType or DataSharingContract.RevokeType
                    or DataSharingContract.RecordAccessType or DataSharingContract.PurgeType or HandoverContract.AcceptType
                    or HandoverContract.ReturnType or HandoverContract.RecordHandlingType => "dept-a",
                DataSharingContract.WithdrawType => "dept-b",
                GovernanceContract.WithdrawType => "admin-1",
                _ => "probe",
            };
            var outcome = net.Run(actor, type, payload);
            Assert.True(outcome.Success, $"{type} by {actor}: {outcome}");
        }
    }
}
