using Google.Protobuf;
using Grpc.Core;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Grants;
using TrustLedger.Contracts.Membership;
using TrustLedger.Contracts.Messages;
using TrustLedger.Protocol.Primitives;
using TrustLedger.Protocol.Records;
using Api = TrustLedger.Proto.Api.V1;

namespace TrustLedger.Node.Services.Records;

public sealed partial class RecordServer
{
    /// <summary>
    /// Purges one record: authenticate a key of this node's organisation → commit <c>data.purge</c> (unless a purge
    /// receipt exists) → delete the stored copy. The receipt comes first so that from its block on every request is
    /// refused even if the deletion fails; a retry finishes the deletion and returns the same receipt.
    /// </summary>
    public async Task<Api.PurgeRecordResponse> PurgeAsync(RecordPurgeRequest request, CancellationToken cancellation)
    {
        var suite = runtime.Chain.Suite;
        if (request.CheckShape(suite) is { } malformed) throw Refuse(StatusCode.InvalidArgument, malformed);
        var signer = suite.AddressOf(request.SignerPublicKey);
        Authenticate(signer, request.TimestampMs, () => request.VerifySignature(suite), request.Nonce, "purge request");

        var purgeHash = PurgeKeyHash(request.DatasetId, request.RecordKey);
        var existing = runtime.Ledger.ReadState(state => CheckPurge(state, request, signer, purgeHash));
        Hash32 txId;
        ulong height;
        if (existing is null)
        {
            var payload = new PurgeRecordRequest
            {
                DatasetId = request.DatasetId,
                RecordKeyHash = ByteString.CopyFrom(purgeHash.ToArray()),
                Reason = request.Reason,
            };
            try
            {
                (txId, var outcome) = await own.CommitAsync(DataSharingContract.PurgeType, payload, "the purge receipt", CommitTimeout, cancellation);
                height = outcome.Height;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists
                && runtime.Ledger.ReadState(state => DataSharingState.GetPurge(state, request.DatasetId, purgeHash.ToArray())) is { } raced)
            {
                // A concurrent purge of the same record committed first: finish the deletion under its receipt.
                existing = raced;
                (txId, height) = (Hash32.Parse(raced.TxId), raced.Height);
            }
        }
        else
        {
            (txId, height) = (Hash32.Parse(existing.TxId), existing.Height);
        }

        var deleted = await provider.DeleteAsync(request.DatasetId, request.RecordKey, cancellation);
        logger.LogInformation("Purged a record of dataset {Dataset} for {Signer}: purge receipt {Tx} at height {Height}, stored copy {Deleted}",
            request.DatasetId, signer, txId, height, deleted ? "deleted" : "absent");
        return new Api.PurgeRecordResponse
        {
            PurgeTxId = ByteString.CopyFrom(txId.ToArray()),
            PurgeHeight = height,
            Deleted = deleted,
            AlreadyPurged = existing is not null,
        };
    }

    /// <summary>The existing purge receipt (null if none) once the signer is known to speak for this node's organisation.</summary>
    private PurgeReceipt? CheckPurge(IStateStore state, RecordPurgeRequest request, Address signer, Hash32 purgeHash)
    {
        var holder = MembershipState.OrganisationOf(state, signer)
            ?? throw Refuse(StatusCode.PermissionDenied, $"key {signer} is not an active key of any organisation in this network");
        if (holder != runtime.Organisation)
            throw Refuse(StatusCode.PermissionDenied, $"key {signer} belongs to '{holder}'; only '{runtime.Organisation}' may purge records on this node");
        var dataset = DataSharingState.GetDataset(state, request.DatasetId)
            ?? throw Refuse(StatusCode.NotFound, $"dataset {request.DatasetId} does not exist");
        if (dataset.OwnerOrganisation != runtime.Organisation)
            throw Refuse(StatusCode.FailedPrecondition, $"dataset {dataset.Id} is owned by '{dataset.OwnerOrganisation}'; this node serves '{runtime.Organisation}'");
        return DataSharingState.GetPurge(state, dataset.Id, purgeHash.ToArray());
    }
}
