using TrustLedger.Contracts.Abstractions;
using TrustLedger.Protocol.Encoding;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Contracts.Membership;

/// <summary>
/// Who may submit: organisations, their roles and keys, kept in ledger state so that governance
/// (later) changes them by transaction and every check reads the same authenticated data.
/// Keys: <c>m/org/{id}</c> → roles; <c>m/key/{address}</c> → organisation id.
/// </summary>
public static class MembershipState
{
    private static readonly byte[] KeyPrefix = "m/key/"u8.ToArray();
    private static readonly byte[] OrgPrefix = "m/org/"u8.ToArray();

    public static byte[] KeyEntry(Address address) => [.. KeyPrefix, .. address.Bytes];
    public static byte[] OrgEntry(string organisationId) => [.. OrgPrefix, .. System.Text.Encoding.UTF8.GetBytes(organisationId)];

    /// <summary>The organisation owning <paramref name="sender"/>, or null if the key is not a member's.</summary>
    public static string? OrganisationOf(IStateStore state, Address sender) =>
        state.Get(KeyEntry(sender)) is { } org ? System.Text.Encoding.UTF8.GetString(org) : null;

    public static IReadOnlyList<string> RolesOf(IStateStore state, string organisationId)
    {
        var bytes = state.Get(OrgEntry(organisationId));
        if (bytes is null) return [];
        var r = new CanonicalReader(bytes);
        var count = r.Count(4);
        var roles = new string[count];
        for (var i = 0; i < count; i++) roles[i] = r.String();
        return roles;
    }

    /// <summary>Writes the genesis organisations into a fresh state.</summary>
    public static void Initialise(IStateStore state, GenesisDocument genesis, Func<byte[], Address> addressOf)
    {
        foreach (var org in genesis.Organisations)
        {
            var w = new CanonicalWriter().U32((uint)org.Roles.Count);
            foreach (var role in org.Roles) w.String(role);
            state.Set(OrgEntry(org.Id), w.ToArray());
            foreach (var key in org.Keys)
                state.Set(KeyEntry(addressOf(Hex.Decode(key))), System.Text.Encoding.UTF8.GetBytes(org.Id));
        }
    }
}
