using Google.Protobuf;
using TrustLedger.Contracts.Messages;
using TrustLedger.Proto.Api.V1;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Sdk.Domain;

/// <summary>
/// Data sharing (<c>data.*</c>): an owner department registers datasets; another department requests access for a
/// stated purpose and legal basis; the owner approves (narrowing fields, duration, uses), denies or revokes; every
/// record served under a grant leaves an access receipt. Get <c>client.DataSharing</c> from <see cref="TrustLedgerClient"/>.
/// </summary>
public sealed class DataSharingClient
{
    private readonly TrustLedgerClient _client;

    internal DataSharingClient(TrustLedgerClient client) => _client = client;

    /// <summary>Registers a dataset owned by the client's organisation; the receipt's id is the dataset id.</summary>
    public Task<ContractReceipt> RegisterDatasetAsync(string name, IEnumerable<string> fields, Sensitivity sensitivity, string description = "",
        CancellationToken cancellation = default)
    {
        var request = new RegisterDatasetRequest { Name = name, Description = description, Sensitivity = sensitivity };
        request.Fields.AddRange(fields);
        return _client.ExecuteAsync("data.register_dataset", request, cancellation);
    }

    /// <summary>Retires an own dataset: no new requests or approvals; existing grants run on.</summary>
    public Task<ContractReceipt> RetireDatasetAsync(string datasetId, string reason, CancellationToken cancellation = default) =>
        _client.ExecuteAsync("data.retire_dataset", new RetireDatasetRequest { DatasetId = datasetId, Reason = reason }, cancellation);

    /// <summary>Requests access to another department's dataset; the receipt's id is the grant id (status <c>requested</c>).</summary>
    /// <param name="datasetId">The dataset.</param>
    /// <param name="fields">The fields wanted, a subset of the dataset's.</param>
    /// <param name="purpose">What the records are for.</param>
    /// <param name="legalBasis">The regulation or agreement that allows it.</param>
    /// <param name="duration">How long access is wanted (at most five years).</param>
    /// <param name="cancellation">Cancels the wait.</param>
    public Task<ContractReceipt> RequestAccessAsync(string datasetId, IEnumerable<string> fields, string purpose, string legalBasis, TimeSpan duration,
        CancellationToken cancellation = default)
    {
        var request = new RequestAccessRequest { DatasetId = datasetId, Purpose = purpose, LegalBasis = legalBasis, DurationMs = (long)duration.TotalMilliseconds };
        request.Fields.AddRange(fields);
        return _client.ExecuteAsync("data.request", request, cancellation);
    }

    /// <summary>Withdraws an own pending request.</summary>
    public Task<ContractReceipt> WithdrawAsync(string grantId, string reason, CancellationToken cancellation = default) =>
        _client.ExecuteAsync("data.withdraw", new WithdrawAccessRequest { GrantId = grantId, Reason = reason }, cancellation);

    /// <summary>Approves a request for an own dataset; may narrow the fields (null = all requested), shorten the duration (null = requested) and cap the uses (0 = unlimited).</summary>
    public Task<ContractReceipt> ApproveAsync(string grantId, IEnumerable<string>? fields = null, TimeSpan? duration = null, ulong maxUses = 0,
        CancellationToken cancellation = default)
    {
        var request = new ApproveAccessRequest { GrantId = grantId, DurationMs = (long)(duration?.TotalMilliseconds ?? 0), MaxUses = maxUses };
        if (fields is not null) request.Fields.AddRange(fields);
        return _client.ExecuteAsync("data.approve", request, cancellation);
    }

    /// <summary>Denies a request for an own dataset, with a reason.</summary>
    public Task<ContractReceipt> DenyAsync(string grantId, string reason, CancellationToken cancellation = default) =>
        _client.ExecuteAsync("data.deny", new DenyAccessRequest { GrantId = grantId, Reason = reason }, cancellation);

    /// <summary>Revokes a grant of an own dataset; takes effect from the next block.</summary>
    public Task<ContractReceipt> RevokeAsync(string grantId, string reason, CancellationToken cancellation = default) =>
        _client.ExecuteAsync("data.revoke", new RevokeGrantRequest { GrantId = grantId, Reason = reason }, cancellation);

    /// <summary>
    /// Records the receipt of one record served under a grant (the owner's side, before it releases the record); the
    /// receipt's value is the grant's use count.
    /// </summary>
    /// <param name="grantId">The grant.</param>
    /// <param name="recordKeyHash">32-byte hash of the record key, salted with the owner's per-dataset secret.</param>
    /// <param name="contentHash">32-byte hash of the plaintext record the requester must find after decryption.</param>
    /// <param name="requester">The active key of the grantee the record is encrypted to.</param>
    /// <param name="cancellation">Cancels the wait.</param>
    public Task<ContractReceipt> RecordAccessAsync(string grantId, byte[] recordKeyHash, byte[] contentHash, Address requester, CancellationToken cancellation = default) =>
        _client.ExecuteAsync("data.record_access", new RecordAccessRequest
        {
            GrantId = grantId,
            RecordKeyHash = ByteString.CopyFrom(recordKeyHash),
            ContentHash = ByteString.CopyFrom(contentHash),
            Requester = ByteString.CopyFrom(requester.Bytes),
        }, cancellation);

    /// <summary>Records that an off-chain record was deleted; later receipts for it are refused.</summary>
    public Task<ContractReceipt> PurgeAsync(string datasetId, byte[] recordKeyHash, string reason, CancellationToken cancellation = default) =>
        _client.ExecuteAsync("data.purge", new TrustLedger.Contracts.Messages.PurgeRecordRequest { DatasetId = datasetId, RecordKeyHash = ByteString.CopyFrom(recordKeyHash), Reason = reason }, cancellation);

    /// <summary>A dataset, or null if unknown.</summary>
    public Task<Dataset?> GetDatasetAsync(string id, CancellationToken cancellation = default) =>
        TrustLedgerClient.FindAsync(_client.QueryRpc.GetDatasetAsync(new GetDatasetRequest { Id = id }, cancellationToken: cancellation));

    /// <summary>The datasets an organisation owns, in registration order.</summary>
    public async Task<IReadOnlyList<Dataset>> ListDatasetsAsync(string owner, CancellationToken cancellation = default) =>
        (await _client.QueryRpc.ListDatasetsAsync(new ListDatasetsRequest { Owner = owner }, cancellationToken: cancellation)).Datasets;

    /// <summary>A grant with its effective status (expired / exhausted derived now), or null if unknown.</summary>
    public Task<Grant?> GetGrantAsync(string id, CancellationToken cancellation = default) =>
        TrustLedgerClient.FindAsync(_client.QueryRpc.GetGrantAsync(new GetGrantRequest { Id = id }, cancellationToken: cancellation));

    /// <summary>A dataset's grants, any status, in request order.</summary>
    public async Task<IReadOnlyList<Grant>> ListDatasetGrantsAsync(string datasetId, ulong from = 1, uint limit = 100, CancellationToken cancellation = default) =>
        (await _client.QueryRpc.ListDatasetGrantsAsync(new ListDatasetGrantsRequest { DatasetId = datasetId, From = from, Limit = limit }, cancellationToken: cancellation)).Grants;

    /// <summary>Every request an organisation made, any status, in request order.</summary>
    public async Task<IReadOnlyList<Grant>> ListGrantsRequestedByAsync(string organisation, ulong from = 1, uint limit = 100, CancellationToken cancellation = default) =>
        (await _client.QueryRpc.ListOrganisationGrantsAsync(new ListOrganisationGrantsRequest { Organisation = organisation, From = from, Limit = limit }, cancellationToken: cancellation)).Grants;

    /// <summary>A grant's access receipts, one per record served, in order.</summary>
    public async Task<IReadOnlyList<AccessReceipt>> GetAccessLogAsync(string grantId, ulong from = 1, uint limit = 100, CancellationToken cancellation = default) =>
        (await _client.QueryRpc.GetAccessLogAsync(new GetAccessLogRequest { GrantId = grantId, From = from, Limit = limit }, cancellationToken: cancellation)).Receipts;

    /// <summary>Requests the organisation made that still await the owner's decision.</summary>
    public async Task<IReadOnlyList<Grant>> ListOutstandingRequestsAsync(string organisation, CancellationToken cancellation = default) =>
        (await _client.QueryRpc.ListOutstandingRequestsAsync(new ListOutstandingRequestsRequest { Organisation = organisation }, cancellationToken: cancellation)).Grants;

    /// <summary>Requests for the owner's datasets that await its decision.</summary>
    public async Task<IReadOnlyList<Grant>> ListRequestsAwaitingDecisionAsync(string owner, CancellationToken cancellation = default) =>
        (await _client.QueryRpc.ListRequestsAwaitingDecisionAsync(new ListRequestsAwaitingDecisionRequest { Owner = owner }, cancellationToken: cancellation)).Grants;
}
