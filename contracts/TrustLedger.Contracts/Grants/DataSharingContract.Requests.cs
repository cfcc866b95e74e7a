using Google.Protobuf;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Messages;

namespace TrustLedger.Contracts.Grants;

public sealed partial class DataSharingContract
{
    private static ContractResult Request(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Department) is { } denied) return denied;
        if (!Payload.TryParse(tx, RequestAccessRequest.Parser, out var request, out var malformed)) return malformed;
        if (Text.ObjectId(request.DatasetId, "dataset_id", out var datasetId) is { } badId) return badId;
        if (Text.Required(request.Purpose, "purpose", Text.LongMax) is { } badPurpose) return badPurpose;
        if (Text.Required(request.LegalBasis, "legal_basis", Text.LongMax) is { } badBasis) return badBasis;
        if (request.DurationMs <= 0 || request.DurationMs > MaxDurationMs)
            return ContractResult.Invalid($"duration_ms must be 1 … {MaxDurationMs}");
        var dataset = DataSharingState.GetDataset(state, datasetId);
        if (dataset is null) return ContractResult.NotFound($"dataset {datasetId} does not exist");
        if (dataset.Status != DatasetStatus.Active) return ContractResult.Precondition($"dataset {datasetId} is retired");
        if (dataset.OwnerOrganisation == tx.SenderOrganisation)
            return ContractResult.Precondition($"'{tx.SenderOrganisation}' owns dataset {datasetId} and needs no grant");
        if (CheckFieldSubset(request.Fields, dataset.Fields, "the dataset") is { } badFields) return badFields;

        var grant = new Grant
        {
            Id = Ids.FromTx(tx),
            DatasetId = datasetId,
            OwnerOrganisation = dataset.OwnerOrganisation,
            RequesterOrganisation = tx.SenderOrganisation,
            RequestedBy = ByteString.CopyFrom(tx.Sender.Bytes),
            Purpose = request.Purpose,
            LegalBasis = request.LegalBasis,
            RequestedDurationMs = request.DurationMs,
            RequestedHeight = tx.Height,
            RequestedTimeMs = tx.BlockTimeMs,
            Status = GrantStatus.Requested,
        };
        grant.RequestedFields.AddRange(request.Fields);
        DataSharingState.Put(state, grant);
        DataSharingState.DatasetGrants(datasetId).Append(state, new IndexEntry { Id = grant.Id });
        DataSharingState.GrantsRequestedBy(grant.RequesterOrganisation).Append(state, new IndexEntry { Id = grant.Id });
        DataSharingState.PendingForOwner(grant.OwnerOrganisation).Add(state, grant.Id);
        DataSharingState.PendingForRequester(grant.RequesterOrganisation).Add(state, grant.Id);
        return Output.Ok(grant.Id, "requested");
    }

    private static ContractResult Withdraw(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Department) is { } denied) return denied;
        if (!Payload.TryParse(tx, WithdrawAccessRequest.Parser, out var request, out var malformed)) return malformed;
        if (Text.Optional(request.Reason, "reason", Text.LongMax) is { } bad) return bad;
        if (FindGrant(state, request.GrantId, out var grant) is { } missing) return missing;
        if (grant.RequesterOrganisation != tx.SenderOrganisation)
            return ContractResult.Denied($"only the requester '{grant.RequesterOrganisation}' may withdraw request {grant.Id}");
        if (RequirePending(grant) is { } notPending) return notPending;
        End(tx, state, grant, GrantStatus.Withdrawn, request.Reason);
        return Output.Ok(grant.Id, "withdrawn");
    }

    private static ContractResult Approve(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Department) is { } denied) return denied;
        if (!Payload.TryParse(tx, ApproveAccessRequest.Parser, out var request, out var malformed)) return malformed;
        if (OwnedGrant(tx, state, request.GrantId, out var grant) is { } refused) return refused;
        if (RequirePending(grant) is { } notPending) return notPending;
        if (DataSharingState.GetDataset(state, grant.DatasetId)!.Status != DatasetStatus.Active)
            return ContractResult.Precondition($"dataset {grant.DatasetId} is retired: deny the request instead");
        if (request.Fields.Count > 0 && CheckFieldSubset(request.Fields, grant.RequestedFields, "the request") is { } badFields)
            return badFields;
        if (request.DurationMs < 0 || request.DurationMs > grant.RequestedDurationMs)
            return ContractResult.Invalid($"duration_ms may shorten the requested {grant.RequestedDurationMs} ms, not exceed it (0 = as requested)");

        var duration = request.DurationMs == 0 ? grant.RequestedDurationMs : request.DurationMs;
        grant.GrantedFields.AddRange(request.Fields.Count > 0 ? request.Fields : grant.RequestedFields);
        grant.ExpiresAtMs = checked(tx.BlockTimeMs + duration);
        grant.MaxUses = request.MaxUses;
        grant.Status = GrantStatus.Active;
        grant.DecidedBy = ByteString.CopyFrom(tx.Sender.Bytes);
        grant.DecidedHeight = tx.Height;
        grant.DecidedTimeMs = tx.BlockTimeMs;
        DataSharingState.Put(state, grant);
        ClearPending(state, grant);
        return Output.Ok(grant.Id, "active");
    }

    private static ContractResult Deny(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Department) is { } denied) return denied;
        if (!Payload.TryParse(tx, DenyAccessRequest.Parser, out var request, out var malformed)) return malformed;
        if (Text.Required(request.Reason, "reason", Text.LongMax) is { } bad) return bad;
        if (OwnedGrant(tx, state, request.GrantId, out var grant) is { } refused) return refused;
        if (RequirePending(grant) is { } notPending) return notPending;
        grant.DecidedBy = ByteString.CopyFrom(tx.Sender.Bytes);
        grant.DecidedHeight = tx.Height;
        grant.DecidedTimeMs = tx.BlockTimeMs;
        End(tx, state, grant, GrantStatus.Denied, request.Reason);
        return Output.Ok(grant.Id, "denied");
    }

    private static ContractResult Revoke(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Department) is { } denied) return denied;
        if (!Payload.TryParse(tx, RevokeGrantRequest.Parser, out var request, out var malformed)) return malformed;
        if (Text.Required(request.Reason, "reason", Text.LongMax) is { } bad) return bad;
        if (OwnedGrant(tx, state, request.GrantId, out var grant) is { } refused) return refused;
        // Expired or exhausted grants may still be revoked: the record then shows the owner's decision.
        if (grant.Status != GrantStatus.Active)
            return ContractResult.Precondition($"grant {grant.Id} is {DataSharingState.StatusName(grant.Status)}, not active");
        End(tx, state, grant, GrantStatus.Revoked, request.Reason);
        return Output.Ok(grant.Id, "revoked");
    }

    private static void End(TxContext tx, IStateStore state, Grant grant, GrantStatus status, string reason)
    {
        grant.Status = status;
        grant.Reason = reason;
        grant.EndedBy = ByteString.CopyFrom(tx.Sender.Bytes);
        grant.EndedHeight = tx.Height;
        grant.EndedTimeMs = tx.BlockTimeMs;
        DataSharingState.Put(state, grant);
        ClearPending(state, grant);
    }

    private static void ClearPending(IStateStore state, Grant grant)
    {
        DataSharingState.PendingForOwner(grant.OwnerOrganisation).Remove(state, grant.Id);
        DataSharingState.PendingForRequester(grant.RequesterOrganisation).Remove(state, grant.Id);
    }

    private static ContractResult? RequirePending(Grant grant) =>
        grant.Status == GrantStatus.Requested
            ? null
            : ContractResult.Precondition($"request {grant.Id} is {DataSharingState.StatusName(grant.Status)}, no longer pending");

    private static ContractResult? FindGrant(IStateStore state, string grantId, out Grant grant)
    {
        grant = null!;
        if (Text.ObjectId(grantId, "grant_id", out var id) is { } bad) return bad;
        var found = DataSharingState.GetGrant(state, id);
        if (found is null) return ContractResult.NotFound($"grant {id} does not exist");
        grant = found;
        return null;
    }

    private static ContractResult? OwnedGrant(TxContext tx, IStateStore state, string grantId, out Grant grant)
    {
        if (FindGrant(state, grantId, out grant) is { } missing) return missing;
        return grant.OwnerOrganisation == tx.SenderOrganisation
            ? null
            : ContractResult.Denied($"only the dataset owner '{grant.OwnerOrganisation}' may {tx.Type} grant {grant.Id}");
    }

    /// <summary>A non-empty list of distinct field names, each one of <paramref name="allowed"/>.</summary>
    private static ContractResult? CheckFieldSubset(IReadOnlyList<string> fields, IReadOnlyList<string> allowed, string of)
    {
        if (fields.Count == 0) return ContractResult.Invalid("fields must name at least one field");
        if (fields.Distinct(StringComparer.Ordinal).Count() != fields.Count) return ContractResult.Invalid("a field is listed twice");
        foreach (var field in fields)
            if (!allowed.Contains(field, StringComparer.Ordinal))
                return ContractResult.Invalid($"field '{Text.Clip(field)}' is not one of {of}'s fields ({string.Join(", ", allowed)})");
        return null;
    }
}
