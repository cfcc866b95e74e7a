using TrustLedger.Contracts.Grants;
using TrustLedger.Contracts.Handovers;
using TrustLedger.Contracts.Messages;

namespace TrustLedger.Contracts.Tests.Support;

/// <summary>Brings grants and cases into each of their states through the contracts themselves.</summary>
public static class Scenario
{
    public const string Owner = "dept-a";
    public const string Requester = "dept-b";
    public const long Day = 86_400_000;

    public static string RegisterDataset(TestNetwork net, string owner = Owner) =>
        net.Run(owner, DataSharingContract.RegisterDatasetType, Payloads.Dataset()).ShouldSucceed().CreatedId;

    /// <summary>A grant of dept-a's dataset to dept-b, in <paramref name="status"/> (expired and exhausted are derived).</summary>
    public static (string DatasetId, string GrantId) GrantIn(TestNetwork net, GrantStatus status)
    {
        var datasetId = RegisterDataset(net);
        var grantId = net.Run(Requester, DataSharingContract.RequestType, Payloads.Request(datasetId)).ShouldSucceed().CreatedId;
        switch (status)
        {
            case GrantStatus.Requested:
                break;
            case GrantStatus.Active:
                net.Run(Owner, DataSharingContract.ApproveType, new ApproveAccessRequest { GrantId = grantId }).ShouldSucceed();
                break;
            case GrantStatus.Denied:
                net.Run(Owner, DataSharingContract.DenyType, new DenyAccessRequest { GrantId = grantId, Reason = "no legal basis" }).ShouldSucceed();
                break;
            case GrantStatus.Withdrawn:
                net.Run(Requester, DataSharingContract.WithdrawType, new WithdrawAccessRequest { GrantId = grantId }).ShouldSucceed();
                break;
            case GrantStatus.Revoked:
                net.Run(Owner, DataSharingContract.ApproveType, new ApproveAccessRequest { GrantId = grantId }).ShouldSucceed();
                net.Run(Owner, DataSharingContract.RevokeType, new RevokeGrantRequest { GrantId = grantId, Reason = "purpose fulfilled" }).ShouldSucceed();
                break;
            case GrantStatus.Expired:
                net.Run(Owner, DataSharingContract.ApproveType, new ApproveAccessRequest { GrantId = grantId, DurationMs = 10_000 }).ShouldSucceed();
                break;
            case GrantStatus.Exhausted:
                net.Run(Owner, DataSharingContract.ApproveType, new ApproveAccessRequest { GrantId = grantId, MaxUses = 1 }).ShouldSucceed();
                net.Run(Owner, DataSharingContract.RecordAccessType, Access(grantId, "record-0")).ShouldSucceed();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status));
        }
        net.NextBlock(status == GrantStatus.Expired ? 20_000 : 1_000);
        return (datasetId, grantId);
    }

    public static RecordAccessRequest Access(string grantId, string recordKey, string requester = Requester) => new()
    {
        GrantId = grantId,
        RecordKeyHash = Payloads.Hash("salt|" + recordKey),
        ContentHash = Payloads.Hash("content|" + recordKey),
        Requester = Payloads.Address(requester),
    };

    /// <summary>A case reported by grid-1 and, past reported, handed over to dept-a with a deadline one day out.</summary>
    public static string CaseIn(TestNetwork net, CaseState state)
    {
        var id = net.Run("grid-1", HandoverContract.ReportType, Payloads.Report()).ShouldSucceed().CreatedId;
        if (state == CaseState.Reported) return id;
        if (state == CaseState.Dismissed)
        {
            net.Run("hub", HandoverContract.DismissType, new DismissCaseRequest { CaseId = id, Reason = "duplicate" }).ShouldSucceed();
            return id;
        }
        net.Run("hub", HandoverContract.HandOverType, new HandOverCaseRequest { CaseId = id, Department = Owner, DeadlineMs = net.TimeMs + Day }).ShouldSucceed();
        if (state == CaseState.HandedOver) return id;
        if (state == CaseState.Returned)
        {
            net.Run(Owner, HandoverContract.ReturnType, new ReturnCaseRequest { CaseId = id, Reason = "not our competence" }).ShouldSucceed();
            return id;
        }
        net.Run(Owner, HandoverContract.AcceptType, new AcceptCaseRequest { CaseId = id }).ShouldSucceed();
        if (state == CaseState.Accepted) return id;
        net.Run(Owner, HandoverContract.RecordHandlingType, Handling(id)).ShouldSucceed();
        if (state == CaseState.Handled) return id;
        net.Run("hub", HandoverContract.CloseType, new CloseCaseRequest { CaseId = id, Satisfaction = 5 }).ShouldSucceed();
        if (state == CaseState.Closed) return id;
        throw new ArgumentOutOfRangeException(nameof(state));
    }

    public static RecordHandlingRequest Handling(string caseId) => new()
    {
        CaseId = caseId,
        Result = "pothole filled",
        EvidenceHash = Payloads.Hash("photo after repair"),
    };
}
