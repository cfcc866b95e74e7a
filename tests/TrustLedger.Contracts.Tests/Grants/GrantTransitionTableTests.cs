using Google.Protobuf;
using TrustLedger.Contracts.Grants;
using TrustLedger.Contracts.Messages;
using TrustLedger.Contracts.Tests.Support;
using TrustLedger.Protocol.Ledger;
using Xunit;

namespace TrustLedger.Contracts.Tests.Grants;

/// <summary>
/// Every grant action from every grant state by every kind of actor: the owner (dept-a), the requester (dept-b),
/// another department (dept-c) and an organisation without the department role (hub).
/// </summary>
public sealed class GrantTransitionTableTests
{
    private static readonly GrantStatus[] States =
        [GrantStatus.Requested, GrantStatus.Active, GrantStatus.Denied, GrantStatus.Revoked, GrantStatus.Withdrawn, GrantStatus.Expired, GrantStatus.Exhausted];
    private static readonly string[] Actions =
        [DataSharingContract.ApproveType, DataSharingContract.DenyType, DataSharingContract.RevokeType, DataSharingContract.WithdrawType, DataSharingContract.RecordAccessType];
    private static readonly string[] Actors = ["dept-a", "dept-b", "dept-c", "hub"];

    public static TheoryData<GrantStatus, string, string, ErrorCode> Table()
    {
        var data = new TheoryData<GrantStatus, string, string, ErrorCode>();
        foreach (var state in States)
            foreach (var action in Actions)
                foreach (var actor in Actors)
                    data.Add(state, action, actor, Expected(state, action, actor));
        return data;
    }

    /// <summary>The specification: role, then the actor's relation to the grant, then the grant's state.</summary>
    private static ErrorCode Expected(GrantStatus state, string action, string actor)
    {
        if (actor == "hub") return ErrorCode.PermissionDenied;
        var rightActor = action == DataSharingContract.WithdrawType ? Scenario.Requester : Scenario.Owner;
        if (actor != rightActor) return ErrorCode.PermissionDenied;
        var allowed = action switch
        {
            DataSharingContract.RevokeType => state is GrantStatus.Active or GrantStatus.Expired or GrantStatus.Exhausted,
            DataSharingContract.RecordAccessType => state == GrantStatus.Active,
            _ => state == GrantStatus.Requested,
        };
        return allowed ? ErrorCode.None : ErrorCode.FailedPrecondition;
    }

    private static IMessage Payload(string action, string grantId) => action switch
    {
        DataSharingContract.ApproveType => new ApproveAccessRequest { GrantId = grantId },
        DataSharingContract.DenyType => new DenyAccessRequest { GrantId = grantId, Reason = "insufficient legal basis" },
        DataSharingContract.RevokeType => new RevokeGrantRequest { GrantId = grantId, Reason = "audit finding" },
        DataSharingContract.WithdrawType => new WithdrawAccessRequest { GrantId = grantId },
        DataSharingContract.RecordAccessType => Scenario.Access(grantId, "record-1"),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    private static GrantStatus After(string action) => action switch
    {
        DataSharingContract.ApproveType => GrantStatus.Active,
        DataSharingContract.DenyType => GrantStatus.Denied,
        DataSharingContract.RevokeType => GrantStatus.Revoked,
        DataSharingContract.WithdrawType => GrantStatus.Withdrawn,
        _ => GrantStatus.Active,
    };

    [Theory, MemberData(nameof(Table))]
    public void Transition(GrantStatus state, string action, string actor, ErrorCode expected)
    {
        var net = new TestNetwork();
        var (_, grantId) = Scenario.GrantIn(net, state);
        Assert.Equal(state, DataSharingState.EffectiveStatus(DataSharingState.GetGrant(net.State, grantId)!, net.Height, net.TimeMs));

        if (expected != ErrorCode.None)
        {
            net.Refused(expected, actor, action, Payload(action, grantId));
            return;
        }
        net.Run(actor, action, Payload(action, grantId)).ShouldSucceed();
        var grant = DataSharingState.GetGrant(net.State, grantId)!;
        Assert.Equal(After(action), grant.Status);
        if (action == DataSharingContract.RecordAccessType) Assert.Equal(1UL, grant.Uses);
        var pending = DataSharingQueries.OutstandingRequestsOf(net.State, Scenario.Requester).Select(g => g.Id);
        Assert.Equal(grant.Status == GrantStatus.Requested, pending.Contains(grantId));
    }
}
