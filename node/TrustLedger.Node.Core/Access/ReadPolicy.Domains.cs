using TrustLedger.Contracts.Governance;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Core.Access;

public static partial class ReadPolicy
{
    // ---- data sharing ---------------------------------------------------------------------------

    /// <summary>A grant or access request: its requesting and owning organisations, auditors, admins.</summary>
    public static ReadDecision Grant(Reader reader, string id, GrantParties? grant) => Entity(reader, grant is not null,
        seesAll: reader.Has(Roles.Auditor) || reader.Has(Roles.Admin),
        sees: grant is not null && (reader.Is(grant.Owner) || reader.Is(grant.Requester)),
        missing: $"grant {id} does not exist",
        hidden: $"grant {id} does not exist or is not visible to {reader.Describe} (grants are visible to the requesting and owning organisations, auditors and admins)");

    /// <summary>The access receipts of a grant: the dataset's owner, the grantee, auditors.</summary>
    public static ReadDecision AccessLog(Reader reader, string grantId, GrantParties? grant) => Entity(reader, grant is not null,
        seesAll: reader.Has(Roles.Auditor),
        sees: grant is not null && (reader.Is(grant.Owner) || reader.Is(grant.Requester)),
        missing: $"grant {grantId} does not exist",
        hidden: $"the access log of grant {grantId} does not exist or is not visible to {reader.Describe} (access receipts are visible to the dataset's owner, the grantee and auditors)");

    /// <summary>Every grant of a dataset: its owner, auditors, admins.</summary>
    public static ReadDecision GrantsOfDataset(Reader reader, string datasetId, string? owner) => Entity(reader, owner is not null,
        seesAll: reader.Has(Roles.Auditor) || reader.Has(Roles.Admin),
        sees: owner is not null && reader.Is(owner),
        missing: $"dataset {datasetId} does not exist",
        hidden: $"the grants of dataset {datasetId} are visible to its owner, auditors and admins, not to {reader.Describe}");

    /// <summary>Requests an organisation made, or requests awaiting its decision: that organisation, auditors, admins.</summary>
    public static ReadDecision GrantsOfOrganisation(Reader reader, string organisation) =>
        reader.IsAnonymous ? Unauthenticated
        : reader.Is(organisation) || reader.Has(Roles.Auditor) || reader.Has(Roles.Admin) ? ReadDecision.Allow
        : ReadDecision.Deny($"the grants of organisation '{organisation}' are visible to it, auditors and admins, not to {reader.Describe}");

    // ---- event handovers ------------------------------------------------------------------------

    /// <summary>A case and its history: its reporter, the departments of its hand-over chain, hubs, auditors.</summary>
    public static ReadDecision Case(Reader reader, string id, CaseParties? parties) => Entity(reader, parties is not null,
        seesAll: reader.Has(Roles.Hub) || reader.Has(Roles.Auditor),
        sees: parties is not null && (reader.Is(parties.Reporter) || parties.Departments.Any(reader.Is)),
        missing: $"case {id} does not exist",
        hidden: $"case {id} does not exist or is not visible to {reader.Describe} (a case is visible to its reporter, the departments it was handed to, hubs and auditors)");

    /// <summary>Every case, the hub queue, overdue cases of every department: hubs and auditors.</summary>
    public static ReadDecision AllCases(Reader reader, string what) =>
        AnyRole(reader, $"{what} is visible to hubs and auditors", Roles.Hub, Roles.Auditor);

    /// <summary>A department's inbox (and its overdue cases): that department and hubs.</summary>
    public static ReadDecision Inbox(Reader reader, string department) =>
        reader.IsAnonymous ? Unauthenticated
        : reader.Is(department) || reader.Has(Roles.Hub) ? ReadDecision.Allow
        : ReadDecision.Deny($"the inbox of '{department}' is visible to that department and hubs, not to {reader.Describe}");

    // ---- community points -----------------------------------------------------------------------

    /// <summary>A resident's balance and account: the resident (a call signed by the resident's key) and auditors.</summary>
    public static ReadDecision PointsAccount(Reader reader, Address resident) =>
        reader.IsAnonymous ? Unauthenticated
        : reader.Key == resident || reader.Has(Roles.Auditor) ? ReadDecision.Allow
        : ReadDecision.Deny($"the points account of {resident} is visible to the resident's own key and auditors, not to {reader.Describe}");

    /// <summary>
    /// A resident's history: all of it to the resident and auditors; to issuers (community) and stores only the entries
    /// their organisation made (<see cref="SeesPointsEntry"/> filters); nothing to anyone else.
    /// </summary>
    public static ReadDecision PointsHistory(Reader reader, Address resident)
    {
        var whole = PointsAccount(reader, resident);
        if (whole.IsAllowed || whole.Verdict == ReadVerdict.Unauthenticated) return whole;
        return reader.Has(Roles.Community) || reader.Has(Roles.Store)
            ? ReadDecision.Allow
            : ReadDecision.Deny($"the points history of {resident} is visible to the resident, auditors, and issuers and stores for their own entries, not to {reader.Describe}");
    }

    /// <summary>Whether an entry made by <paramref name="entryOrganisation"/> ("" for an expiry) shows in <paramref name="resident"/>'s history for this reader.</summary>
    public static bool SeesPointsEntry(Reader reader, Address resident, string entryOrganisation) =>
        PointsAccount(reader, resident).IsAllowed || (entryOrganisation.Length > 0 && reader.Is(entryOrganisation));

    /// <summary>A redemption: the resident, the store that made it, auditors.</summary>
    public static ReadDecision Redemption(Reader reader, Address resident, string redemptionId, string? store) => Entity(reader, store is not null,
        seesAll: reader.Key == resident || reader.Has(Roles.Auditor),
        sees: store is not null && reader.Is(store),
        missing: $"redemption '{redemptionId}' of {resident} has not been applied",
        hidden: $"redemption '{redemptionId}' of {resident} has not been applied or is not visible to {reader.Describe} (visible to the resident, its store and auditors)");
}
