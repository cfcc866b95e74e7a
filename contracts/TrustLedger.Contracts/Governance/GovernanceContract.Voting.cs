using Google.Protobuf;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Membership;
using TrustLedger.Contracts.Messages;

namespace TrustLedger.Contracts.Governance;

public sealed partial class GovernanceContract
{
    private ContractResult Propose(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Admin) is { } denied) return denied;
        if (!Payload.TryParse(tx, ProposeRequest.Parser, out var request, out var malformed)) return malformed;
        if (request.Action is null || request.Action.ActionCase == ProposalAction.ActionOneofCase.None)
            return ContractResult.Invalid("gov.propose needs an action");
        if (Text.Optional(request.Description, "description", Text.LongMax) is { } bad) return bad;
        var deadline = request.DeadlineMs == 0
            ? checked(tx.BlockTimeMs + MembershipState.Config(state).DefaultVotingPeriodMs)
            : request.DeadlineMs;
        if (deadline <= tx.BlockTimeMs)
            return ContractResult.Invalid($"deadline {deadline} is not after the block time {tx.BlockTimeMs}");
        if (deadline - tx.BlockTimeMs > MaxVotingPeriodMs)
            return ContractResult.Invalid($"deadline is more than {MaxVotingPeriodMs / 86_400_000} days after the block time");
        if (Validate(request.Action, state, tx.Height) is { } invalid) return invalid;

        var proposal = new Proposal
        {
            Id = Ids.FromTx(tx),
            ProposerOrganisation = tx.SenderOrganisation,
            ProposerAddress = ByteString.CopyFrom(tx.Sender.Bytes),
            Action = request.Action,
            Description = request.Description,
            Status = ProposalStatus.Open,
            CreatedHeight = tx.Height,
            CreatedTimeMs = tx.BlockTimeMs,
            DeadlineMs = deadline,
        };
        proposal.Votes.Add(VoteOf(tx, approve: true, ""));
        GovernanceState.Open.Add(state, proposal.Id);
        GovernanceState.All.Append(state, new IndexEntry { Id = proposal.Id });
        return Settle(tx, state, proposal);
    }

    private ContractResult Approve(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Admin) is { } denied) return denied;
        if (!Payload.TryParse(tx, ApproveProposalRequest.Parser, out var request, out var malformed)) return malformed;
        if (OpenForVote(tx, state, request.ProposalId, out var proposal) is { } refused) return refused;
        proposal.Votes.Add(VoteOf(tx, approve: true, ""));
        return Settle(tx, state, proposal);
    }

    private ContractResult Reject(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Admin) is { } denied) return denied;
        if (!Payload.TryParse(tx, RejectProposalRequest.Parser, out var request, out var malformed)) return malformed;
        if (Text.Required(request.Reason, "reason", Text.LongMax) is { } bad) return bad;
        if (OpenForVote(tx, state, request.ProposalId, out var proposal) is { } refused) return refused;
        proposal.Votes.Add(VoteOf(tx, approve: false, request.Reason));
        return Settle(tx, state, proposal);
    }

    private static ContractResult Withdraw(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Admin) is { } denied) return denied;
        if (!Payload.TryParse(tx, WithdrawProposalRequest.Parser, out var request, out var malformed)) return malformed;
        if (Text.Optional(request.Reason, "reason", Text.LongMax) is { } bad) return bad;
        if (Find(state, request.ProposalId, out var proposal) is { } missing) return missing;
        if (proposal.ProposerOrganisation != tx.SenderOrganisation)
            return ContractResult.Denied($"only the proposing organisation '{proposal.ProposerOrganisation}' may withdraw proposal {proposal.Id}");
        if (proposal.Status != ProposalStatus.Open)
            return ContractResult.Precondition($"proposal {proposal.Id} is {GovernanceState.StatusName(proposal.Status)}, not open");
        Close(tx, state, proposal, ProposalStatus.Withdrawn, threshold: 0);
        return Output.Ok(proposal.Id, "withdrawn");
    }

    private static ContractResult? Find(IStateStore state, string proposalId, out Proposal proposal)
    {
        proposal = null!;
        if (Text.ObjectId(proposalId, "proposal_id", out var id) is { } bad) return bad;
        var found = GovernanceState.GetProposal(state, id);
        if (found is null) return ContractResult.NotFound($"proposal {id} does not exist");
        proposal = found;
        return null;
    }

    private static ContractResult? OpenForVote(TxContext tx, IStateStore state, string proposalId, out Proposal proposal)
    {
        if (Find(state, proposalId, out proposal) is { } missing) return missing;
        var status = GovernanceState.EffectiveStatus(proposal, tx.BlockTimeMs);
        if (status != ProposalStatus.Open)
            return ContractResult.Precondition($"proposal {proposal.Id} is {GovernanceState.StatusName(status)}, not open for votes");
        var organisation = tx.SenderOrganisation;
        if (proposal.Votes.Any(v => v.Organisation == organisation))
            return ContractResult.Exists($"organisation '{organisation}' has already voted on proposal {proposal.Id}");
        return null;
    }

    private static Vote VoteOf(TxContext tx, bool approve, string reason) => new()
    {
        Organisation = tx.SenderOrganisation,
        Address = ByteString.CopyFrom(tx.Sender.Bytes),
        Approve = approve,
        Reason = reason,
        TxId = Ids.FromTx(tx),
        Height = tx.Height,
        TimeMs = tx.BlockTimeMs,
    };

    /// <summary>
    /// Counts the votes of organisations that are admins now; executes at M approvals, rejects once M can no
    /// longer be reached, otherwise stores the vote. An execution that no longer applies refuses the transaction.
    /// </summary>
    private ContractResult Settle(TxContext tx, IStateStore state, Proposal proposal)
    {
        var admins = MembershipState.AdminOrganisations(state);
        var threshold = MembershipState.EffectiveThreshold(MembershipState.Config(state).AdminThreshold, admins.Count);
        var approvals = proposal.Votes.Count(v => v.Approve && admins.Contains(v.Organisation, StringComparer.Ordinal));
        var rejections = proposal.Votes.Count(v => !v.Approve && admins.Contains(v.Organisation, StringComparer.Ordinal));
        if (approvals >= threshold)
        {
            if (Validate(proposal.Action, state, tx.Height) is { } stale)
                return ContractResult.Precondition($"proposal {proposal.Id} reached its threshold but no longer applies: {stale.Message}");
            Apply(proposal, state, tx.Height);
            Close(tx, state, proposal, ProposalStatus.Executed, threshold);
            return Output.Ok(proposal.Id, "executed", (ulong)approvals);
        }
        if (rejections > admins.Count - threshold)
        {
            Close(tx, state, proposal, ProposalStatus.Rejected, threshold);
            return Output.Ok(proposal.Id, "rejected", (ulong)rejections);
        }
        GovernanceState.PutProposal(state, proposal);
        return Output.Ok(proposal.Id, "open", (ulong)approvals);
    }

    private static void Close(TxContext tx, IStateStore state, Proposal proposal, ProposalStatus status, int threshold)
    {
        proposal.Status = status;
        proposal.ClosedHeight = tx.Height;
        proposal.ClosedTimeMs = tx.BlockTimeMs;
        proposal.ThresholdAtClose = (uint)threshold;
        GovernanceState.PutProposal(state, proposal);
        GovernanceState.Open.Remove(state, proposal.Id);
    }
}
