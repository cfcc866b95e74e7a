using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Membership;
using TrustLedger.Contracts.Messages;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Contracts.Grants;

/// <summary>Read-only questions over data-sharing state; pure functions, so a node and an auditor answer alike.</summary>
public static class DataSharingQueries
{
    /// <summary>Every grant (any status) of a dataset, in request order.</summary>
    public static IReadOnlyList<Grant> GrantsOfDataset(IStateStore state, string datasetId, ulong from = 1, int limit = 100) =>
        Ids.Normalise(datasetId) is { } id ? Resolve(state, DataSharingState.DatasetGrants(id), from, limit) : [];

    /// <summary>The access receipts of a grant, in order (sequence 1, 2, …).</summary>
    public static IReadOnlyList<AccessReceipt> AccessLog(IStateStore state, string grantId, ulong from = 1, int limit = 100) =>
        Ids.Normalise(grantId) is { } id ? DataSharingState.AccessLog(id).Read(state, AccessReceipt.Parser, from, limit) : [];

    /// <summary>Requests a department made that still await the owner's decision, sorted by id.</summary>
    public static IReadOnlyList<Grant> OutstandingRequestsOf(IStateStore state, string organisation) =>
        [.. DataSharingState.PendingForRequester(organisation).Members(state).Select(id => DataSharingState.GetGrant(state, id)!)];

    /// <summary>Requests for a department's datasets awaiting its decision, sorted by id.</summary>
    public static IReadOnlyList<Grant> RequestsAwaitingDecisionBy(IStateStore state, string owner) =>
        [.. DataSharingState.PendingForOwner(owner).Members(state).Select(id => DataSharingState.GetGrant(state, id)!)];

    public static IReadOnlyList<Dataset> DatasetsOwnedBy(IStateStore state, string owner) =>
        [.. DataSharingState.DatasetsOwnedBy(owner).Read(state, IndexEntry.Parser).Select(e => DataSharingState.GetDataset(state, e.Id)!)];

    public static IReadOnlyList<Grant> GrantsRequestedBy(IStateStore state, string organisation, ulong from = 1, int limit = 100) =>
        Resolve(state, DataSharingState.GrantsRequestedBy(organisation), from, limit);

    /// <summary>
    /// Whether the owner may serve the record with <paramref name="recordKeyHash"/> to <paramref name="requester"/>
    /// under the grant in block <paramref name="height"/> at <paramref name="blockTimeMs"/>: null if so, else the reason.
    /// The same check <c>data.record_access</c> makes; a serving node runs it before submitting the receipt.
    /// </summary>
    public static ContractResult? CheckAccess(IStateStore state, Grant grant, Address requester, ReadOnlySpan<byte> recordKeyHash, ulong height, long blockTimeMs)
    {
        var status = DataSharingState.EffectiveStatus(grant, height, blockTimeMs);
        if (status != GrantStatus.Active)
            return ContractResult.Precondition($"grant {grant.Id} is {DataSharingState.StatusName(status)}");
        var holder = MembershipState.OrganisationOf(state, requester);
        if (holder != grant.RequesterOrganisation)
            return ContractResult.Denied($"requester {requester} is not an active key of the grantee '{grant.RequesterOrganisation}'");
        if (DataSharingState.GetPurge(state, grant.DatasetId, recordKeyHash) is { } purge)
            return ContractResult.Precondition($"record {Convert.ToHexStringLower(recordKeyHash)} was purged at height {purge.Height}: {purge.Reason}");
        return null;
    }

    private static IReadOnlyList<Grant> Resolve(IStateStore state, StateList list, ulong from, int limit) =>
        [.. list.Read(state, IndexEntry.Parser, from, limit).Select(e => DataSharingState.GetGrant(state, e.Id)!)];
}
