using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Common;
using TrustLedger.Protocol.Crypto;

namespace TrustLedger.Contracts.Governance;

/// <summary>
/// <c>gov.*</c>: changes to membership, roles, keys, the validator set and the admin threshold. Each change is a
/// <see cref="Messages.Proposal"/> by an admin organisation that executes in the transaction bringing its
/// approvals (one per admin organisation; proposing counts as approving) to the threshold M of the N
/// current admin organisations. A blocking minority (N − M + 1 rejections) rejects it; its proposer may
/// withdraw it; after its deadline it can no longer be voted on.
/// </summary>
public sealed partial class GovernanceContract(ICryptoSuite suite) : IContract
{
    public const string ProposeType = "gov.propose";
    public const string ApproveType = "gov.approve";
    public const string RejectType = "gov.reject";
    public const string WithdrawType = "gov.withdraw";

    public static readonly IReadOnlyList<string> TxTypes = [ProposeType, ApproveType, RejectType, WithdrawType];

    /// <summary>Longest voting period a proposal may name.</summary>
    public const long MaxVotingPeriodMs = 90L * 24 * 60 * 60 * 1000;

    public string Prefix => "gov";

    public ContractResult Execute(TxContext tx, IStateStore state) => tx.Type switch
    {
        ProposeType => Propose(tx, state),
        ApproveType => Approve(tx, state),
        RejectType => Reject(tx, state),
        WithdrawType => Withdraw(tx, state),
        _ => Output.UnknownType(tx, TxTypes),
    };
}
