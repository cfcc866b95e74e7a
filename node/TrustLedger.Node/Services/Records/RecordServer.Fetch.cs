using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Grants;
using TrustLedger.Contracts.Membership;
using TrustLedger.Contracts.Messages;
using TrustLedger.Protocol.Crypto.Encryption;
using TrustLedger.Protocol.Primitives;
using TrustLedger.Protocol.Records;
using Api = TrustLedger.Proto.Api.V1;

namespace TrustLedger.Node.Services.Records;

public sealed partial class RecordServer
{
    /// <summary>
    /// Serves one record: authenticate → grant usable for this requester at the next block → not purged → read →
    /// narrow to the granted fields → commit <c>data.record_access</c> and wait until durable → seal to the requester.
    /// No receipt, no record: every failure before the commit serves nothing.
    /// </summary>
    public async Task<Api.FetchRecordResponse> FetchAsync(RecordFetchRequest request, CancellationToken cancellation)
    {
        var suite = runtime.Chain.Suite;
        if (request.CheckShape(suite) is { } malformed) throw Refuse(StatusCode.InvalidArgument, malformed);
        var requester = suite.AddressOf(request.RequesterPublicKey);
        Authenticate(requester, request.TimestampMs, () => request.VerifySignature(suite), request.Nonce, "record request");

        var grantSalt = RecordSalts.ForGrant(suite, secret.Bytes, runtime.Chain.ChainId, request.GrantId);
        var keyHash = RecordHashes.RecordKeyHash(suite.Hash, grantSalt, request.DatasetId, request.RecordKey);
        var purgeHash = PurgeKeyHash(request.DatasetId, request.RecordKey);
        var grant = runtime.Ledger.ReadState(state => CheckGrant(state, request, requester, keyHash, purgeHash));

        var stored = await Read(request.DatasetId, request.RecordKey, cancellation)
            ?? throw Refuse(StatusCode.NotFound, $"dataset {request.DatasetId} has no record with that key");
        byte[] content;
        try
        {
            content = RecordProjection.Project(stored, [.. grant.GrantedFields]);
        }
        catch (FormatException e)
        {
            logger.LogWarning("A record of dataset {Dataset} cannot be served: {Reason}", request.DatasetId, e.Message);
            throw Refuse(StatusCode.Internal, $"the stored record cannot be served: {e.Message}");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(stored);
        }

        try
        {
            return await Release(request, requester, grant, keyHash, grantSalt, content, cancellation);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(content);
        }
    }

    /// <summary>Commits the access receipt for <paramref name="content"/> and, once it is durable, seals the record to the requester.</summary>
    private async Task<Api.FetchRecordResponse> Release(RecordFetchRequest request, Address requester, Grant grant, Hash32 keyHash,
        byte[] grantSalt, byte[] content, CancellationToken cancellation)
    {
        var suite = runtime.Chain.Suite;
        var contentSalt = RandomNumberGenerator.GetBytes(RecordHashes.SaltLength);
        var receiptPayload = new RecordAccessRequest
        {
            GrantId = grant.Id,
            RecordKeyHash = ByteString.CopyFrom(keyHash.ToArray()),
            ContentHash = ByteString.CopyFrom(RecordHashes.ContentHash(suite.Hash, contentSalt, content).ToArray()),
            Requester = ByteString.CopyFrom(requester.Bytes),
        };
        var (txId, outcome) = await own.CommitAsync(DataSharingContract.RecordAccessType, receiptPayload,
            "the record was not served: its access receipt", CommitTimeout, cancellation);
        var sequence = ContractOutput.Parser.ParseFrom(outcome.Receipt!.Output).Value;

        var sealedBytes = new SealedRecord(grantSalt, contentSalt, txId, content).Encode();
        try
        {
            var envelope = Envelopes.For(suite).Seal(request.RequesterPublicKey, sealedBytes, request.EnvelopeContext(suite.Hash));
            logger.LogInformation("Served a record of dataset {Dataset} under grant {Grant} to {Requester}: access receipt {Tx} at height {Height} (#{Sequence})",
                request.DatasetId, grant.Id, requester, txId, outcome.Height, sequence);
            return new Api.FetchRecordResponse
            {
                Envelope = ByteString.CopyFrom(envelope),
                AccessTxId = ByteString.CopyFrom(txId.ToArray()),
                AccessHeight = outcome.Height,
                AccessSequence = sequence,
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sealedBytes);
        }
    }

    /// <summary>The grant, if this node's organisation may serve this record to this requester at the next block.</summary>
    private Grant CheckGrant(IStateStore state, RecordFetchRequest request, Address requester, Hash32 keyHash, Hash32 purgeHash)
    {
        var holder = MembershipState.OrganisationOf(state, requester)
            ?? throw Refuse(StatusCode.PermissionDenied, $"key {requester} is not an active key of any organisation in this network");
        var grant = DataSharingState.GetGrant(state, request.GrantId)
            ?? throw Refuse(StatusCode.NotFound, $"grant {request.GrantId} does not exist");
        if (holder != grant.RequesterOrganisation)
            throw Refuse(StatusCode.PermissionDenied, $"key {requester} belongs to '{holder}', not to the grantee '{grant.RequesterOrganisation}' of grant {grant.Id}");
        if (grant.OwnerOrganisation != runtime.Organisation)
            throw Refuse(StatusCode.FailedPrecondition, $"grant {grant.Id} is owned by '{grant.OwnerOrganisation}'; this node serves '{runtime.Organisation}'");
        if (grant.DatasetId != request.DatasetId)
            throw Refuse(StatusCode.PermissionDenied, $"grant {grant.Id} covers dataset {grant.DatasetId}, not {request.DatasetId}");
        var (height, timeMs) = NextBlock();
        if (DataSharingQueries.CheckAccess(state, grant, requester, keyHash.ToArray(), height, timeMs) is { } blocked) throw Refuse(blocked);
        if (DataSharingState.GetPurge(state, grant.DatasetId, purgeHash.ToArray()) is { } purge)
            throw Refuse(StatusCode.FailedPrecondition, $"record purged: the owner purged it at height {purge.Height}: {purge.Reason}");
        return grant;
    }
}
