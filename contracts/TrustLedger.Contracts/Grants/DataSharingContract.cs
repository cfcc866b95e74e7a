using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Common;

namespace TrustLedger.Contracts.Grants;

/// <summary>
/// <c>data.*</c>: datasets, access grants and access receipts. A department registers a dataset it owns;
/// another department requests access (fields, purpose, legal basis, duration); the owner approves
/// (narrowing fields, shortening the duration, capping uses), denies or later revokes. Every record the
/// owner serves is preceded by a <c>data.record_access</c> receipt, accepted only under a usable grant:
/// active, not expired by block time, uses left, revoked no earlier than in the current block, record not purged.
/// </summary>
public sealed partial class DataSharingContract : IContract
{
    public const string RegisterDatasetType = "data.register_dataset";
    public const string RetireDatasetType = "data.retire_dataset";
    public const string RequestType = "data.request";
    public const string WithdrawType = "data.withdraw";
    public const string ApproveType = "data.approve";
    public const string DenyType = "data.deny";
    public const string RevokeType = "data.revoke";
    public const string RecordAccessType = "data.record_access";
    public const string PurgeType = "data.purge";

    public static readonly IReadOnlyList<string> TxTypes =
        [RegisterDatasetType, RetireDatasetType, RequestType, WithdrawType, ApproveType, DenyType, RevokeType, RecordAccessType, PurgeType];

    public const int MaxFields = 256;
    /// <summary>Longest duration a grant may be requested for: five years.</summary>
    public const long MaxDurationMs = 5L * 366 * 24 * 60 * 60 * 1000;

    public string Prefix => "data";

    public ContractResult Execute(TxContext tx, IStateStore state) => tx.Type switch
    {
        RegisterDatasetType => RegisterDataset(tx, state),
        RetireDatasetType => RetireDataset(tx, state),
        RequestType => Request(tx, state),
        WithdrawType => Withdraw(tx, state),
        ApproveType => Approve(tx, state),
        DenyType => Deny(tx, state),
        RevokeType => Revoke(tx, state),
        RecordAccessType => RecordAccess(tx, state),
        PurgeType => Purge(tx, state),
        _ => Output.UnknownType(tx, TxTypes),
    };
}
