using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Messages;

namespace TrustLedger.Contracts.Membership;

public static partial class MembershipState
{
    internal static void PutOrganisation(IStateStore state, OrganisationRecord record) =>
        ProtoState.Put(state, OrgPath(record.Id), record);

    /// <summary>Makes <paramref name="address"/> an active key of <paramref name="organisationId"/> and logs it as used forever.</summary>
    internal static void PutKey(IStateStore state, ReadOnlySpan<byte> address, string organisationId)
    {
        state.Set([.. KeyPrefix, .. address], System.Text.Encoding.UTF8.GetBytes(organisationId));
        ProtoState.Put(state, KeyLogPath(address), new IndexEntry { Id = organisationId });
    }

    internal static void RemoveKey(IStateStore state, ReadOnlySpan<byte> address) => state.Remove([.. KeyPrefix, .. address]);

    /// <summary>The organisation that ever held <paramref name="address"/>, or null if the key was never registered.</summary>
    public static string? KeyEverHeldBy(IStateStore state, ReadOnlySpan<byte> address) =>
        ProtoState.Get(state, KeyLogPath(address), IndexEntry.Parser)?.Id;

    internal static void AddToIndex(IStateStore state, string organisationId)
    {
        var index = ProtoState.Get(state, OrgIndexKey, OrganisationIndex.Parser) ?? new OrganisationIndex();
        var ids = index.Ids.Append(organisationId).Order(StringComparer.Ordinal).ToList();
        index.Ids.Clear();
        index.Ids.AddRange(ids);
        ProtoState.Put(state, OrgIndexKey, index);
    }

    internal static void PutConfig(IStateStore state, GovernanceConfig config) => ProtoState.Put(state, ConfigKey, config);

    internal static void PutValidators(IStateStore state, ValidatorSchedule schedule) => ProtoState.Put(state, ValidatorsKey, schedule);
}
