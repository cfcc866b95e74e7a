using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Grants;
using TrustLedger.Contracts.Handovers;
using TrustLedger.Contracts.Membership;
using TrustLedger.Contracts.Messages;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Core.Access;

/// <summary>Reads from committed state the facts the read policy decides on: who the caller is, who an entity concerns.</summary>
public static class AccessFacts
{
    /// <summary>
    /// The reader behind a call: the organisation of its member key, else the organisation of its certificate, with
    /// that organisation's roles now. A removed organisation has no roles. A member key of another organisation than
    /// the certificate's is refused: a certificate of A never acts for B.
    /// </summary>
    /// <returns>Null with <paramref name="problem"/> set when the key and the certificate disagree.</returns>
    public static Reader? Reader(IStateStore state, Address? key, string? certificateOrganisation, out string? problem)
    {
        problem = null;
        var keyOrganisation = key is { } k ? MembershipState.OrganisationOf(state, k) : null;
        if (keyOrganisation is not null && certificateOrganisation is not null && keyOrganisation != certificateOrganisation)
        {
            problem = $"key {key} belongs to organisation '{keyOrganisation}' but the client certificate is of '{certificateOrganisation}'";
            return null;
        }
        var organisation = keyOrganisation ?? certificateOrganisation;
        if (organisation is not null && !MembershipState.IsActive(state, organisation)) organisation = null;
        if (organisation is null && key is null) return Access.Reader.Anonymous;
        return new Reader(organisation, organisation is null ? [] : MembershipState.RolesOf(state, organisation), key);
    }

    public static GrantParties? Parties(Grant? grant) =>
        grant is null ? null : new GrantParties(grant.OwnerOrganisation, grant.RequesterOrganisation);

    /// <summary>The reporter and every department the case was ever handed to (from its history), plus its assignee.</summary>
    public static CaseParties? Parties(IStateStore state, Case? @case)
    {
        if (@case is null) return null;
        var departments = new SortedSet<string>(StringComparer.Ordinal);
        if (@case.AssigneeOrganisation.Length > 0) departments.Add(@case.AssigneeOrganisation);
        for (ulong from = 1; from <= @case.HistoryCount; from += 1000)
            foreach (var step in HandoverQueries.History(state, @case.Id, from, 1000))
                if (step.Department.Length > 0) departments.Add(step.Department);
        return new CaseParties(@case.ReporterOrganisation, [.. departments]);
    }

    /// <summary>Who a committed transaction concerns: its sender, the organisation that held the sender's key, and the grantee of an access receipt.</summary>
    public static TxParties Parties(IStateStore state, SignedTransaction tx)
    {
        IReadOnlyList<string> concerned = [];
        if (tx.Body.Type == DataSharingContract.RecordAccessType && TryParse(tx.Body.Payload) is { } access
            && Ids.Normalise(access.GrantId) is { } grantId && DataSharingState.GetGrant(state, grantId) is { } grant)
            concerned = [grant.RequesterOrganisation];
        return new TxParties(tx.Sender, MembershipState.KeyEverHeldBy(state, tx.Sender.Bytes), concerned);
    }

    private static RecordAccessRequest? TryParse(byte[] payload)
    {
        try
        {
            return RecordAccessRequest.Parser.ParseFrom(payload);
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            return null;
        }
    }
}
