using System.Text.Json;
using Grpc.Core;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Grants;
using TrustLedger.Contracts.Membership;
using TrustLedger.Protocol.Primitives;
using TrustLedger.Protocol.Records;
using TrustLedger.Node.Storage.Records;
using Api = TrustLedger.Proto.Api.V1;

namespace TrustLedger.Node.Services.Records;

public sealed partial class RecordServer
{
    /// <summary>
    /// Stores one record: authenticate a key of this node's organisation → dataset owned by it, record not purged →
    /// write to the record store. Nothing is committed: a record only leaves a trace on the ledger when it is served.
    /// </summary>
    public async Task<Api.PutRecordResponse> PutAsync(RecordPutRequest request, CancellationToken cancellation)
    {
        var suite = runtime.Chain.Suite;
        if (request.CheckShape(suite) is { } malformed) throw Refuse(StatusCode.InvalidArgument, malformed);
        if (!IsJsonObject(request.RecordJson)) throw Refuse(StatusCode.InvalidArgument, "record_json must be a UTF-8 JSON object");
        var signer = suite.AddressOf(request.SignerPublicKey);
        Authenticate(signer, request.TimestampMs, () => request.VerifySignature(suite), request.Nonce, "put request");

        var purgeHash = PurgeKeyHash(request.DatasetId, request.RecordKey);
        runtime.Ledger.ReadState(state => CheckPut(state, request, signer, purgeHash));
        if (provider is not IRecordStore store)
            throw Refuse(StatusCode.FailedPrecondition, "this node's record provider is read-only; records are loaded by its operator");

        bool replaced;
        try
        {
            replaced = await store.GetAsync(request.DatasetId, request.RecordKey, cancellation) is not null;
        }
        catch (RecordAtRestException)
        {
            replaced = true; // a stored copy that no longer opens is replaced by the new one
        }
        await store.PutAsync(request.DatasetId, request.RecordKey, request.RecordJson, cancellation);
        logger.LogInformation("Stored a record of dataset {Dataset} for {Signer} ({Action})", request.DatasetId, signer, replaced ? "replaced" : "new");
        return new Api.PutRecordResponse { Replaced = replaced };
    }

    private static bool IsJsonObject(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Refuses unless the signer speaks for this node's organisation, which owns the dataset, and the record is not purged.</summary>
    private bool CheckPut(IStateStore state, RecordPutRequest request, Address signer, Hash32 purgeHash)
    {
        var holder = MembershipState.OrganisationOf(state, signer)
            ?? throw Refuse(StatusCode.PermissionDenied, $"key {signer} is not an active key of any organisation in this network");
        if (holder != runtime.Organisation)
            throw Refuse(StatusCode.PermissionDenied, $"key {signer} belongs to '{holder}'; only '{runtime.Organisation}' may put records on this node");
        var dataset = DataSharingState.GetDataset(state, request.DatasetId)
            ?? throw Refuse(StatusCode.NotFound, $"dataset {request.DatasetId} does not exist");
        if (dataset.OwnerOrganisation != runtime.Organisation)
            throw Refuse(StatusCode.FailedPrecondition, $"dataset {dataset.Id} is owned by '{dataset.OwnerOrganisation}'; this node serves '{runtime.Organisation}'");
        if (DataSharingState.GetPurge(state, dataset.Id, purgeHash.ToArray()) is { } purge)
            throw Refuse(StatusCode.FailedPrecondition, $"record purged: the owner purged it at height {purge.Height}; it cannot be stored again");
        return true;
    }
}
