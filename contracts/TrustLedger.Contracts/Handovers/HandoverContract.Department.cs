using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Messages;

namespace TrustLedger.Contracts.Handovers;

public sealed partial class HandoverContract
{
    private static ContractResult Accept(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Department) is { } denied) return denied;
        if (!Payload.TryParse(tx, AcceptCaseRequest.Parser, out var request, out var malformed)) return malformed;
        if (CaseIn(tx, state, request.CaseId, out var c, CaseState.HandedOver) is { } refused) return refused;
        if (RequireAssignee(tx, c) is { } notAssignee) return notAssignee;

        var before = Snapshot(c);
        c.State = CaseState.Accepted;
        c.AcceptedTimeMs = tx.BlockTimeMs;
        var e = new CaseEvent { Department = c.AssigneeOrganisation, DeadlineMs = c.DeadlineMs };
        return Commit(tx, state, c, before, e, c.AssigneeOrganisation, s => s.Accepted++);
    }

    private static ContractResult Return(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Department) is { } denied) return denied;
        if (!Payload.TryParse(tx, ReturnCaseRequest.Parser, out var request, out var malformed)) return malformed;
        if (Text.Required(request.Reason, "reason", Text.LongMax) is { } badReason) return badReason;
        if (CaseIn(tx, state, request.CaseId, out var c, CaseState.HandedOver, CaseState.Accepted) is { } refused) return refused;
        if (RequireAssignee(tx, c) is { } notAssignee) return notAssignee;

        var before = Snapshot(c);
        c.State = CaseState.Returned;
        c.LastReason = request.Reason;
        var e = new CaseEvent { Department = c.AssigneeOrganisation, Reason = request.Reason };
        return Commit(tx, state, c, before, e, c.AssigneeOrganisation, s => s.Returned++);
    }

    private static ContractResult RecordHandling(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Department) is { } denied) return denied;
        if (!Payload.TryParse(tx, RecordHandlingRequest.Parser, out var request, out var malformed)) return malformed;
        if (Text.Required(request.Result, "result", Text.LongMax) is { } badResult) return badResult;
        if (Text.Hash(request.EvidenceHash, "evidence_hash") is { } badHash) return badHash;
        if (CaseIn(tx, state, request.CaseId, out var c, CaseState.Accepted) is { } refused) return refused;
        if (RequireAssignee(tx, c) is { } notAssignee) return notAssignee;

        var before = Snapshot(c);
        c.State = CaseState.Handled;
        c.HandledTimeMs = tx.BlockTimeMs;
        c.HandlingResult = request.Result;
        c.EvidenceHash = request.EvidenceHash;
        c.HandledOnTime = tx.BlockTimeMs <= c.DeadlineMs;
        var e = new CaseEvent
        {
            Department = c.AssigneeOrganisation,
            DeadlineMs = c.DeadlineMs,
            Result = request.Result,
            EvidenceHash = request.EvidenceHash,
        };
        return Commit(tx, state, c, before, e, c.AssigneeOrganisation, s => s.Handled++);
    }
}
