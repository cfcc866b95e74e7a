using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using TrustLedger.Proto.Api.V1;
using RecordsRpc = TrustLedger.Proto.Api.V1.Records;
using TrustLedger.Proto.Mapping;
using TrustLedger.Protocol.Records;
using TrustLedger.Sdk.Records;

namespace TrustLedger.Sdk;

public sealed partial class TrustLedgerClient
{
    private static readonly TimeSpan RecordCallTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ReceiptWait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Fetches one record under a grant from the owner organisation's node, signed with this client's key (an
    /// active key of the grantee), decrypts it with the same key, and checks it against the access receipt
    /// committed on the ledger as read through this client's node. Returns only a verified record.
    /// <code>
    /// var record = await client.FetchRecordAsync("http://owner-node:5080", grantId, datasetId, "330402199001011234");
    /// Console.WriteLine($"{record.Json} — receipt {record.Receipt.TxId} at height {record.Receipt.Height}");
    /// </code>
    /// </summary>
    /// <exception cref="RecordRequestRefusedException">The owner's node refused (grant not active, wrong key, no such record, purged…).</exception>
    /// <exception cref="RecordVerificationException">The answer did not open or does not match the committed receipt.</exception>
    public async Task<FetchedRecord> FetchRecordAsync(string ownerNodeEndpoint, string grantId, string datasetId, string recordKey,
        CancellationToken cancellation = default)
    {
        using var channel = OpenChannel(ownerNodeEndpoint);
        return await FetchRecordAsync(channel, grantId, datasetId, recordKey, cancellation);
    }

    /// <summary>As <see cref="FetchRecordAsync(string, string, string, string, CancellationToken)"/>, over a channel the caller configured (TLS, proxies).</summary>
    public async Task<FetchedRecord> FetchRecordAsync(GrpcChannel ownerNode, string grantId, string datasetId, string recordKey,
        CancellationToken cancellation = default)
    {
        var request = CreateRecordRequest(grantId, datasetId, recordKey);
        var response = await CallOwner(() => new RecordsRpc.RecordsClient(ownerNode).FetchRecordAsync(new FetchRecordRequest
        {
            GrantId = request.GrantId,
            DatasetId = request.DatasetId,
            RecordKey = request.RecordKey,
            RequesterPublicKey = ByteString.CopyFrom(request.RequesterPublicKey),
            TimestampMs = request.TimestampMs,
            Nonce = ByteString.CopyFrom(request.Nonce),
            Signature = ByteString.CopyFrom(request.Signature),
        }, deadline: DateTime.UtcNow + RecordCallTimeout, cancellationToken: cancellation).ResponseAsync);
        ServedRecord served;
        try
        {
            served = new ServedRecord(response.Envelope.ToByteArray(), WireMapping.ToHash(response.AccessTxId, "access_tx_id"),
                response.AccessHeight, response.AccessSequence);
        }
        catch (FormatException e)
        {
            throw new RecordVerificationException($"the record was refused: the owner's answer is malformed ({e.Message})");
        }
        return await OpenRecordAsync(request, served, cancellation);
    }

    /// <summary>A signed record request for this client's key, ids accepted with or without <c>0x</c> in any case.</summary>
    public RecordFetchRequest CreateRecordRequest(string grantId, string datasetId, string recordKey)
    {
        var signer = Signer ?? throw new InvalidOperationException("fetching records needs a client with a signing key (the record is encrypted to it)");
        var grant = RecordIds.Canonical(grantId) ?? throw new ArgumentException("a grant id is 64 hex digits", nameof(grantId));
        var dataset = RecordIds.Canonical(datasetId) ?? throw new ArgumentException("a dataset id is 64 hex digits", nameof(datasetId));
        if (RecordIds.CheckRecordKey(recordKey) is { } bad) throw new ArgumentException(bad, nameof(recordKey));
        return RecordFetchRequest.Sign(Suite, signer, ChainId, grant, dataset, recordKey, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    /// <summary>
    /// Opens what an owner's node served for <paramref name="request"/> and verifies it against the committed access
    /// receipt (waiting briefly for this client's node to see it). The step <see cref="FetchRecordAsync(string, string, string, string, CancellationToken)"/> ends with.
    /// </summary>
    /// <exception cref="RecordVerificationException">The envelope does not open, or the record does not match the committed receipt.</exception>
    public async Task<FetchedRecord> OpenRecordAsync(RecordFetchRequest request, ServedRecord served, CancellationToken cancellation = default)
    {
        var signer = Signer ?? throw new InvalidOperationException("opening records needs the client's signing key");
        var sealedRecord = RecordReceiptCheck.Open(Suite, signer, request, served);
        CommittedTransaction committed;
        try
        {
            await WaitForReceiptAsync(served.AccessTxId, ReceiptWait, cancellation);
            committed = await GetTransactionAsync(served.AccessTxId, cancellation);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.DeadlineExceeded)
        {
            throw new RecordVerificationException($"the record was refused: access receipt {served.AccessTxId} is not committed on the ledger ({e.Status.Detail})");
        }
        return RecordReceiptCheck.Verify(Suite, signer.Address, request, served, sealedRecord, committed);
    }

    /// <summary>
    /// Asks the owner's node (this client's key must be an active key of the owner organisation) to delete a record
    /// from its store and commit a purge receipt; later requests for the record are refused as purged.
    /// </summary>
    /// <exception cref="RecordRequestRefusedException">The node refused (not the owner, unknown dataset…).</exception>
    public async Task<PurgedRecord> PurgeRecordAsync(string ownerNodeEndpoint, string datasetId, string recordKey, string reason,
        CancellationToken cancellation = default)
    {
        var signer = Signer ?? throw new InvalidOperationException("purging records needs a client with a signing key");
        var dataset = RecordIds.Canonical(datasetId) ?? throw new ArgumentException("a dataset id is 64 hex digits", nameof(datasetId));
        if (RecordIds.CheckRecordKey(recordKey) is { } bad) throw new ArgumentException(bad, nameof(recordKey));
        var request = RecordPurgeRequest.Sign(Suite, signer, ChainId, dataset, recordKey, reason ?? "", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        using var channel = OpenChannel(ownerNodeEndpoint);
        var response = await CallOwner(() => new RecordsRpc.RecordsClient(channel).PurgeRecordAsync(new PurgeRecordRequest
        {
            DatasetId = request.DatasetId,
            RecordKey = request.RecordKey,
            Reason = request.Reason,
            SignerPublicKey = ByteString.CopyFrom(request.SignerPublicKey),
            TimestampMs = request.TimestampMs,
            Nonce = ByteString.CopyFrom(request.Nonce),
            Signature = ByteString.CopyFrom(request.Signature),
        }, deadline: DateTime.UtcNow + RecordCallTimeout, cancellationToken: cancellation).ResponseAsync);
        return new PurgedRecord(WireMapping.ToHash(response.PurgeTxId, "purge_tx_id"), response.PurgeHeight, response.Deleted, response.AlreadyPurged);
    }

    /// <summary>
    /// Stores (or replaces) one JSON-object record in the record store of this client's node's organisation — this
    /// client's key must be an active key of the organisation running the node at <paramref name="ownerNodeEndpoint"/>,
    /// which must own the dataset. Nothing goes on-chain; the record is served later under grants, each access receipted.
    /// Returns true when a record under the same key was replaced.
    /// <code>
    /// await client.PutRecordAsync("http://owner-node:5080", datasetId, "H-330402-4471", """{"household_id":"H-330402-4471","members":3}""");
    /// </code>
    /// </summary>
    /// <exception cref="RecordRequestRefusedException">The node refused (key of another organisation, not a JSON object, read-only store, unknown dataset…).</exception>
    public async Task<bool> PutRecordAsync(string ownerNodeEndpoint, string datasetId, string recordKey, string recordJson,
        CancellationToken cancellation = default)
    {
        var signer = Signer ?? throw new InvalidOperationException("putting records needs a client with a signing key");
        var dataset = RecordIds.Canonical(datasetId) ?? throw new ArgumentException("a dataset id is 64 hex digits", nameof(datasetId));
        if (RecordIds.CheckRecordKey(recordKey) is { } bad) throw new ArgumentException(bad, nameof(recordKey));
        ArgumentNullException.ThrowIfNull(recordJson);
        var request = RecordPutRequest.Sign(Suite, signer, ChainId, dataset, recordKey, System.Text.Encoding.UTF8.GetBytes(recordJson),
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        using var channel = OpenChannel(ownerNodeEndpoint);
        var response = await CallOwner(() => new RecordsRpc.RecordsClient(channel).PutRecordAsync(new PutRecordRequest
        {
            DatasetId = request.DatasetId,
            RecordKey = request.RecordKey,
            RecordJson = ByteString.CopyFrom(request.RecordJson),
            SignerPublicKey = ByteString.CopyFrom(request.SignerPublicKey),
            TimestampMs = request.TimestampMs,
            Nonce = ByteString.CopyFrom(request.Nonce),
            Signature = ByteString.CopyFrom(request.Signature),
        }, deadline: DateTime.UtcNow + RecordCallTimeout, cancellationToken: cancellation).ResponseAsync);
        return response.Replaced;
    }

    private static async Task<T> CallOwner<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.Unauthenticated or StatusCode.PermissionDenied
            or StatusCode.NotFound or StatusCode.AlreadyExists or StatusCode.FailedPrecondition or StatusCode.ResourceExhausted or StatusCode.DeadlineExceeded or StatusCode.DataLoss)
        {
            throw new RecordRequestRefusedException(e.StatusCode, e.Status.Detail);
        }
    }
}
