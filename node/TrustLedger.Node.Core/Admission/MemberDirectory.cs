using System.Collections.Frozen;
using TrustLedger.Contracts.Membership;
using TrustLedger.Node.Core.Chain;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Core.Admission;

/// <summary>
/// Thread-safe snapshot of member keys for admission. The ledger state stays authoritative (blocks are
/// validated against it); the chain driver replaces the snapshot when governance changes membership.
/// </summary>
public sealed class MemberDirectory
{
    private volatile FrozenDictionary<Address, string> _organisationByKey;

    public MemberDirectory(IEnumerable<KeyValuePair<Address, string>> members) => _organisationByKey = members.ToFrozenDictionary();

    /// <summary>The active member keys in the committed state of <paramref name="ledger"/>.</summary>
    public static MemberDirectory FromState(LedgerState ledger) => new(ledger.ReadState(MembershipState.ActiveMembers));

    /// <summary>Re-reads the member keys after a block that changed them.</summary>
    public void Refresh(LedgerState ledger) => Replace(ledger.ReadState(MembershipState.ActiveMembers));

    public string? OrganisationOf(Address key) => _organisationByKey.GetValueOrDefault(key);

    public void Replace(IEnumerable<KeyValuePair<Address, string>> members) => _organisationByKey = members.ToFrozenDictionary();
}
