using Google.Protobuf;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Messages;

namespace TrustLedger.Contracts.Handovers;

public sealed partial class HandoverContract
{
    private static ContractResult Report(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Hub, Roles.Grid) is { } denied) return denied;
        if (!Payload.TryParse(tx, ReportCaseRequest.Parser, out var request, out var malformed)) return malformed;
        if (Text.Required(request.Category, "category", 64) is { } badCategory) return badCategory;
        if (Text.Required(request.LocationRef, "location_ref") is { } badLocation) return badLocation;
        if (Text.Hash(request.DescriptionHash, "description_hash") is { } badHash) return badHash;
        if (request.Severity == Severity.Unspecified || !Enum.IsDefined(request.Severity))
            return ContractResult.Invalid("severity must be low, medium, high or critical");
        if (Text.Optional(request.ExternalRef, "external_ref", 64) is { } badRef) return badRef;

        var c = new Case
        {
            Id = Ids.FromTx(tx),
            State = CaseState.Reported,
            Category = request.Category,
            LocationRef = request.LocationRef,
            DescriptionHash = request.DescriptionHash,
            Severity = request.Severity,
            ReporterOrganisation = tx.SenderOrganisation,
            ReportedBy = ByteString.CopyFrom(tx.Sender.Bytes),
            ReportedHeight = tx.Height,
            ReportedTimeMs = tx.BlockTimeMs,
            ExternalRef = request.ExternalRef,
        };
        HandoverState.All.Append(state, new IndexEntry { Id = c.Id });
        return Commit(tx, state, c, new Before(CaseState.Unspecified, ""), new CaseEvent(), "", s => s.Reported++);
    }

    private static ContractResult HandOver(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Hub) is { } denied) return denied;
        if (!Payload.TryParse(tx, HandOverCaseRequest.Parser, out var request, out var malformed)) return malformed;
        if (CheckDeadline(tx, request.DeadlineMs) is { } badDeadline) return badDeadline;
        if (Text.Optional(request.Note, "note", Text.LongMax) is { } badNote) return badNote;
        if (CheckDepartment(state, request.Department) is { } badDepartment) return badDepartment;
        if (CaseIn(tx, state, request.CaseId, out var c, CaseState.Reported, CaseState.Returned) is { } refused) return refused;

        var before = Snapshot(c);
        Assign(tx, c, request.Department, request.DeadlineMs, request.Note);
        var e = new CaseEvent { Department = c.AssigneeOrganisation, DeadlineMs = c.DeadlineMs, Reason = request.Note };
        return Commit(tx, state, c, before, e, c.AssigneeOrganisation, s => s.HandedOver++);
    }

    private static ContractResult Reassign(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Hub) is { } denied) return denied;
        if (!Payload.TryParse(tx, ReassignCaseRequest.Parser, out var request, out var malformed)) return malformed;
        if (CheckDeadline(tx, request.DeadlineMs) is { } badDeadline) return badDeadline;
        if (Text.Required(request.Reason, "reason", Text.LongMax) is { } badReason) return badReason;
        if (CheckDepartment(state, request.Department) is { } badDepartment) return badDepartment;
        if (CaseIn(tx, state, request.CaseId, out var c, CaseState.HandedOver, CaseState.Accepted) is { } refused) return refused;
        if (c.AssigneeOrganisation == request.Department)
            return ContractResult.Precondition($"case {c.Id} is already assigned to '{request.Department}'");

        var before = Snapshot(c);
        HandoverStatistics.Count(state, tx.BlockTimeMs, before.Assignee, s => s.Reassigned++);
        Assign(tx, c, request.Department, request.DeadlineMs, request.Reason);
        var e = new CaseEvent { Department = c.AssigneeOrganisation, DeadlineMs = c.DeadlineMs, Reason = request.Reason };
        return Commit(tx, state, c, before, e, c.AssigneeOrganisation, s => s.HandedOver++);
    }

    private static void Assign(TxContext tx, Case c, string department, long deadlineMs, string reason)
    {
        c.State = CaseState.HandedOver;
        c.AssigneeOrganisation = department;
        c.DeadlineMs = deadlineMs;
        c.HandedOverTimeMs = tx.BlockTimeMs;
        c.AcceptedTimeMs = 0;
        c.HandoverCount = checked(c.HandoverCount + 1);
        c.LastReason = reason;
    }

    private static ContractResult Escalate(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Hub) is { } denied) return denied;
        if (!Payload.TryParse(tx, EscalateCaseRequest.Parser, out var request, out var malformed)) return malformed;
        if (Text.Required(request.Reason, "reason", Text.LongMax) is { } badReason) return badReason;
        if (CaseIn(tx, state, request.CaseId, out var c, CaseState.HandedOver, CaseState.Accepted) is { } refused) return refused;
        if (tx.BlockTimeMs <= c.DeadlineMs)
            return ContractResult.Precondition($"case {c.Id} is not overdue: its deadline {c.DeadlineMs} has not passed (block time {tx.BlockTimeMs})");

        var before = Snapshot(c);
        c.EscalationLevel = checked(c.EscalationLevel + 1);
        c.LastReason = request.Reason;
        var e = new CaseEvent { Department = c.AssigneeOrganisation, DeadlineMs = c.DeadlineMs, Reason = request.Reason };
        return Commit(tx, state, c, before, e, c.AssigneeOrganisation, s => s.Escalated++);
    }

    private static ContractResult Dismiss(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Hub) is { } denied) return denied;
        if (!Payload.TryParse(tx, DismissCaseRequest.Parser, out var request, out var malformed)) return malformed;
        if (Text.Required(request.Reason, "reason", Text.LongMax) is { } badReason) return badReason;
        if (CaseIn(tx, state, request.CaseId, out var c, CaseState.Reported, CaseState.Returned) is { } refused) return refused;

        var before = Snapshot(c);
        c.State = CaseState.Dismissed;
        c.LastReason = request.Reason;
        c.ClosedTimeMs = tx.BlockTimeMs;
        return Commit(tx, state, c, before, new CaseEvent { Reason = request.Reason }, "", s => s.Dismissed++);
    }

    private static ContractResult Close(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Hub) is { } denied) return denied;
        if (!Payload.TryParse(tx, CloseCaseRequest.Parser, out var request, out var malformed)) return malformed;
        if (request.Satisfaction is < 1 or > 5) return ContractResult.Invalid($"satisfaction must be 1–5, got {request.Satisfaction}");
        if (CaseIn(tx, state, request.CaseId, out var c, CaseState.Handled) is { } refused) return refused;

        var before = Snapshot(c);
        c.State = CaseState.Closed;
        c.ClosedTimeMs = tx.BlockTimeMs;
        c.Satisfaction = request.Satisfaction;
        var onTime = c.HandledOnTime;
        var e = new CaseEvent { Department = c.AssigneeOrganisation, Satisfaction = request.Satisfaction };
        return Commit(tx, state, c, before, e, c.AssigneeOrganisation, s =>
        {
            s.Closed++;
            if (onTime) s.ClosedOnTime++;
            s.SatisfactionSum += request.Satisfaction;
            s.SatisfactionCount++;
        });
    }

    private static ContractResult SendBack(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Hub) is { } denied) return denied;
        if (!Payload.TryParse(tx, SendBackCaseRequest.Parser, out var request, out var malformed)) return malformed;
        if (Text.Required(request.Reason, "reason", Text.LongMax) is { } badReason) return badReason;
        if (request.DeadlineMs != 0 && CheckDeadline(tx, request.DeadlineMs) is { } badDeadline) return badDeadline;
        if (CaseIn(tx, state, request.CaseId, out var c, CaseState.Handled) is { } refused) return refused;

        var before = Snapshot(c);
        c.State = CaseState.Accepted;
        if (request.DeadlineMs != 0) c.DeadlineMs = request.DeadlineMs;
        c.HandledOnTime = false;
        c.LastReason = request.Reason;
        var e = new CaseEvent { Department = c.AssigneeOrganisation, DeadlineMs = c.DeadlineMs, Reason = request.Reason };
        return Commit(tx, state, c, before, e, c.AssigneeOrganisation, s => s.SentBack++);
    }
}
