using Google.Protobuf;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Messages;

namespace TrustLedger.Contracts.Grants;

public sealed partial class DataSharingContract
{
    private static ContractResult RegisterDataset(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Department) is { } denied) return denied;
        if (!Payload.TryParse(tx, RegisterDatasetRequest.Parser, out var request, out var malformed)) return malformed;
        if (Text.Required(request.Name, "name") is { } badName) return badName;
        if (Text.Optional(request.Description, "description", Text.LongMax) is { } badDescription) return badDescription;
        if (request.Fields.Count == 0) return ContractResult.Invalid("a dataset needs at least one field");
        if (request.Fields.Count > MaxFields) return ContractResult.Invalid($"a dataset has at most {MaxFields} fields");
        foreach (var field in request.Fields)
            if (Text.Required(field, "field name", 64) is { } badField) return badField;
        if (request.Fields.Distinct(StringComparer.Ordinal).Count() != request.Fields.Count)
            return ContractResult.Invalid("a field is listed twice");
        if (request.Sensitivity == Sensitivity.Unspecified || !Enum.IsDefined(request.Sensitivity))
            return ContractResult.Invalid("sensitivity must be public, internal, confidential or restricted");

        var dataset = new Dataset
        {
            Id = Ids.FromTx(tx),
            OwnerOrganisation = tx.SenderOrganisation,
            Name = request.Name,
            Description = request.Description,
            Sensitivity = request.Sensitivity,
            Status = DatasetStatus.Active,
            RegisteredBy = ByteString.CopyFrom(tx.Sender.Bytes),
            RegisteredHeight = tx.Height,
            RegisteredTimeMs = tx.BlockTimeMs,
        };
        dataset.Fields.AddRange(request.Fields);
        DataSharingState.Put(state, dataset);
        DataSharingState.DatasetsOwnedBy(dataset.OwnerOrganisation).Append(state, new IndexEntry { Id = dataset.Id });
        return Output.Ok(dataset.Id, "active");
    }

    private static ContractResult RetireDataset(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Department) is { } denied) return denied;
        if (!Payload.TryParse(tx, RetireDatasetRequest.Parser, out var request, out var malformed)) return malformed;
        if (Text.Optional(request.Reason, "reason", Text.LongMax) is { } bad) return bad;
        if (OwnedDataset(tx, state, request.DatasetId, out var dataset) is { } refused) return refused;
        if (dataset.Status != DatasetStatus.Active) return ContractResult.Precondition($"dataset {dataset.Id} is already retired");
        dataset.Status = DatasetStatus.Retired;
        DataSharingState.Put(state, dataset);
        return Output.Ok(dataset.Id, "retired");
    }

    private static ContractResult Purge(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Department) is { } denied) return denied;
        if (!Payload.TryParse(tx, PurgeRecordRequest.Parser, out var request, out var malformed)) return malformed;
        if (Text.Hash(request.RecordKeyHash, "record_key_hash") is { } badHash) return badHash;
        if (Text.Optional(request.Reason, "reason", Text.LongMax) is { } badReason) return badReason;
        if (OwnedDataset(tx, state, request.DatasetId, out var dataset) is { } refused) return refused;
        if (DataSharingState.GetPurge(state, dataset.Id, request.RecordKeyHash.Span) is { } earlier)
            return ContractResult.Exists($"record {Convert.ToHexStringLower(request.RecordKeyHash.Span)} was already purged at height {earlier.Height}");

        var receipt = new PurgeReceipt
        {
            DatasetId = dataset.Id,
            RecordKeyHash = request.RecordKeyHash,
            Reason = request.Reason,
            PurgedBy = ByteString.CopyFrom(tx.Sender.Bytes),
            TxId = Ids.FromTx(tx),
            Height = tx.Height,
            BlockTimeMs = tx.BlockTimeMs,
        };
        ProtoState.Put(state, DataSharingState.PurgePath(dataset.Id, request.RecordKeyHash.Span), receipt);
        DataSharingState.Purges(dataset.Id).Append(state, new IndexEntry { Id = Convert.ToHexStringLower(request.RecordKeyHash.Span) });
        dataset.PurgedRecords = checked(dataset.PurgedRecords + 1);
        DataSharingState.Put(state, dataset);
        return Output.Ok(dataset.Id, "purged", dataset.PurgedRecords);
    }

    /// <summary>The dataset, if it exists and the sender's organisation owns it.</summary>
    private static ContractResult? OwnedDataset(TxContext tx, IStateStore state, string datasetId, out Dataset dataset)
    {
        dataset = null!;
        if (Text.ObjectId(datasetId, "dataset_id", out var id) is { } bad) return bad;
        var found = DataSharingState.GetDataset(state, id);
        if (found is null) return ContractResult.NotFound($"dataset {id} does not exist");
        if (found.OwnerOrganisation != tx.SenderOrganisation)
            return ContractResult.Denied($"only the owner '{found.OwnerOrganisation}' may {tx.Type} on dataset {id}");
        dataset = found;
        return null;
    }
}
