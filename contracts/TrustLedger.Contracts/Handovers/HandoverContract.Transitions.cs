using Google.Protobuf;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Messages;

namespace TrustLedger.Contracts.Handovers;

public sealed partial class HandoverContract
{
    /// <summary>A case's position before a transition: its state and assignee decide the queue it leaves.</summary>
    private readonly record struct Before(CaseState State, string Assignee);

    private static Before Snapshot(Case c) => new(c.State, c.AssigneeOrganisation);

    /// <summary>
    /// Stores a transition already applied to <paramref name="c"/>: moves it between queues and state counters,
    /// appends <paramref name="e"/> to its history (filling in who, when and how), and counts the event.
    /// </summary>
    private static ContractResult Commit(TxContext tx, IStateStore state, Case c, Before before, CaseEvent e, string department, Action<CaseCounters> count)
    {
        var leaving = HandoverState.QueueOf(before.State, before.Assignee);
        var entering = HandoverState.QueueOf(c.State, c.AssigneeOrganisation);
        if (leaving != entering)
        {
            leaving?.Remove(state, c.Id);
            entering?.Add(state, c.Id);
        }
        if (before.State != c.State) HandoverStatistics.MoveState(state, before.State, c.State);

        e.Action = tx.Type;
        e.FromState = before.State;
        e.ToState = c.State;
        e.Actor = ByteString.CopyFrom(tx.Sender.Bytes);
        e.ActorOrganisation = tx.SenderOrganisation;
        e.TxId = Ids.FromTx(tx);
        e.Height = tx.Height;
        e.BlockTimeMs = tx.BlockTimeMs;
        e.EscalationLevel = c.EscalationLevel;
        var history = HandoverState.History(c.Id);
        e.Sequence = checked(history.Count(state) + 1);
        history.Append(state, e);
        c.HistoryCount = e.Sequence;
        HandoverState.Put(state, c);
        HandoverStatistics.Count(state, tx.BlockTimeMs, department, count);
        return Output.Ok(c.Id, HandoverState.StateName(c.State), e.Sequence);
    }

    /// <summary>The case, if it exists and is in one of <paramref name="allowed"/>.</summary>
    private static ContractResult? CaseIn(TxContext tx, IStateStore state, string caseId, out Case c, params CaseState[] allowed)
    {
        c = null!;
        if (Text.ObjectId(caseId, "case_id", out var id) is { } bad) return bad;
        var found = HandoverState.GetCase(state, id);
        if (found is null) return ContractResult.NotFound($"case {id} does not exist");
        c = found;
        if (allowed.Contains(found.State)) return null;
        var needs = string.Join(" or ", allowed.Select(HandoverState.StateName));
        return ContractResult.Precondition($"case {id} is {HandoverState.StateName(found.State)}; {tx.Type} needs it {needs}");
    }

    private static ContractResult? RequireAssignee(TxContext tx, Case c) =>
        c.AssigneeOrganisation == tx.SenderOrganisation
            ? null
            : ContractResult.Denied($"only the assigned department '{c.AssigneeOrganisation}' may {tx.Type} case {c.Id}");

    private static ContractResult? CheckDeadline(TxContext tx, long deadlineMs)
    {
        if (deadlineMs <= tx.BlockTimeMs)
            return ContractResult.Invalid($"deadline_ms {deadlineMs} is not after the block time {tx.BlockTimeMs}");
        return deadlineMs - tx.BlockTimeMs > MaxDeadlineMs
            ? ContractResult.Invalid($"deadline_ms is more than {MaxDeadlineMs / 86_400_000} days after the block time")
            : null;
    }

    private static ContractResult? CheckDepartment(IStateStore state, string department)
    {
        if (!Ids.IsOrganisationId(department)) return ContractResult.Invalid($"department '{Text.Clip(department)}' is not an organisation id");
        return Membership.MembershipState.HasRole(state, department, Governance.Roles.Department)
            ? null
            : ContractResult.Precondition($"'{department}' is not an active organisation with the department role");
    }
}
