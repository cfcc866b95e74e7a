using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Messages;

namespace TrustLedger.Contracts.Grants;

/// <summary>
/// Data-sharing state and the indexes that make it listable without scanning:
/// <c>d/ds/{id}</c> → <see cref="Dataset"/>; <c>d/grant/{id}</c> → <see cref="Grant"/>;
/// <c>d/acc/{grant}</c> = list of <see cref="AccessReceipt"/>; <c>d/purge/{dataset}/{key hash hex}</c> → <see cref="PurgeReceipt"/>;
/// lists <c>d/ds_grants/{dataset}</c>, <c>d/org_datasets/{org}</c>, <c>d/org_grants/{org}</c>, <c>d/purges/{dataset}</c>;
/// sets <c>d/pending_owner/{org}</c> (requests awaiting the owner) and <c>d/pending_req/{org}</c> (requests the org awaits).
/// </summary>
public static class DataSharingState
{
    public static string DatasetPath(string id) => "d/ds/" + id;
    public static string GrantPath(string id) => "d/grant/" + id;
    public static string PurgePath(string datasetId, ReadOnlySpan<byte> recordKeyHash) =>
        "d/purge/" + datasetId + "/" + Convert.ToHexStringLower(recordKeyHash);

    public static StateList AccessLog(string grantId) => new("d/acc/" + grantId);
    public static StateList DatasetGrants(string datasetId) => new("d/ds_grants/" + datasetId);
    public static StateList DatasetsOwnedBy(string organisation) => new("d/org_datasets/" + organisation);
    public static StateList GrantsRequestedBy(string organisation) => new("d/org_grants/" + organisation);
    public static StateList Purges(string datasetId) => new("d/purges/" + datasetId);
    public static StateSet PendingForOwner(string organisation) => new("d/pending_owner/" + organisation);
    public static StateSet PendingForRequester(string organisation) => new("d/pending_req/" + organisation);

    public static Dataset? GetDataset(IStateStore state, string id) =>
        Ids.Normalise(id) is { } n ? ProtoState.Get(state, DatasetPath(n), Dataset.Parser) : null;

    public static Grant? GetGrant(IStateStore state, string id) =>
        Ids.Normalise(id) is { } n ? ProtoState.Get(state, GrantPath(n), Grant.Parser) : null;

    public static PurgeReceipt? GetPurge(IStateStore state, string datasetId, ReadOnlySpan<byte> recordKeyHash) =>
        ProtoState.Get(state, PurgePath(datasetId, recordKeyHash), PurgeReceipt.Parser);

    /// <summary>
    /// The grant's status for a transaction in block <paramref name="height"/> at <paramref name="blockTimeMs"/>:
    /// an active grant reads as expired from its expiry time and exhausted when its uses are spent; a grant revoked
    /// in block <paramref name="height"/> still reads as active for the rest of that block (revocation takes effect
    /// from the next block).
    /// </summary>
    public static GrantStatus EffectiveStatus(Grant grant, ulong height, long blockTimeMs)
    {
        var status = grant.Status;
        if (status == GrantStatus.Revoked && grant.EndedHeight == height) status = GrantStatus.Active;
        if (status != GrantStatus.Active) return status;
        if (blockTimeMs >= grant.ExpiresAtMs) return GrantStatus.Expired;
        if (grant.MaxUses != 0 && grant.Uses >= grant.MaxUses) return GrantStatus.Exhausted;
        return GrantStatus.Active;
    }

    public static string StatusName(GrantStatus status) => status switch
    {
        GrantStatus.Requested => "requested",
        GrantStatus.Active => "active",
        GrantStatus.Denied => "denied",
        GrantStatus.Revoked => "revoked",
        GrantStatus.Withdrawn => "withdrawn",
        GrantStatus.Expired => "expired",
        GrantStatus.Exhausted => "exhausted",
        _ => "unspecified",
    };

    internal static void Put(IStateStore state, Dataset dataset) => ProtoState.Put(state, DatasetPath(dataset.Id), dataset);
    internal static void Put(IStateStore state, Grant grant) => ProtoState.Put(state, GrantPath(grant.Id), grant);
}
