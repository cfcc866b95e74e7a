using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Messages;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Contracts.Membership;

/// <summary>
/// Who is in the network, read from ledger state: organisations, their roles and keys, the admin threshold
/// and the validator schedule. Only governance proposals change it (see <c>GovernanceContract</c>).
/// Keys:
/// <list type="bullet">
/// <item><c>m/key/{20 address bytes}</c> → UTF-8 organisation id, for <b>active</b> keys only (the executor reads it for every transaction);</item>
/// <item><c>m/keylog/{address hex}</c> → <see cref="IndexEntry"/> of the organisation that ever held the key (keys are never reused);</item>
/// <item><c>m/org/{id}</c> → <see cref="OrganisationRecord"/>; <c>m/orgs</c> → <see cref="OrganisationIndex"/>;</item>
/// <item><c>m/validators</c> → <see cref="ValidatorSchedule"/>; <c>g/config</c> → <see cref="GovernanceConfig"/>.</item>
/// </list>
/// </summary>
public static partial class MembershipState
{
    private static readonly byte[] KeyPrefix = "m/key/"u8.ToArray();
    internal const string OrgIndexKey = "m/orgs";
    internal const string ValidatorsKey = "m/validators";
    internal const string ConfigKey = "g/config";

    /// <summary>Default time a proposal stays open: seven days of block time.</summary>
    public const long DefaultVotingPeriodMs = 7L * 24 * 60 * 60 * 1000;

    public static byte[] KeyEntry(Address address) => [.. KeyPrefix, .. address.Bytes];
    public static byte[] OrgEntry(string organisationId) => StateKey.Of(OrgPath(organisationId));
    internal static string OrgPath(string organisationId) => "m/org/" + organisationId;
    internal static string KeyLogPath(ReadOnlySpan<byte> address) => "m/keylog/" + Convert.ToHexStringLower(address);

    /// <summary>True for state keys whose change alters who may submit: refresh the node's member directory after a block that writes one.</summary>
    public static bool IsMemberKey(ReadOnlySpan<byte> stateKey) => stateKey.StartsWith(KeyPrefix);

    /// <summary>The organisation owning <paramref name="sender"/>, or null if it is not an active key of an active organisation.</summary>
    public static string? OrganisationOf(IStateStore state, Address sender) =>
        state.Get(KeyEntry(sender)) is { } org ? System.Text.Encoding.UTF8.GetString(org) : null;

    public static OrganisationRecord? GetOrganisation(IStateStore state, string organisationId) =>
        Ids.IsOrganisationId(organisationId) ? ProtoState.Get(state, OrgPath(organisationId), OrganisationRecord.Parser) : null;

    /// <summary>Roles of an active organisation (sorted); empty for an unknown or removed one.</summary>
    public static IReadOnlyList<string> RolesOf(IStateStore state, string organisationId) =>
        GetOrganisation(state, organisationId) is { Status: OrganisationStatus.Active } org ? [.. org.Roles] : [];

    public static bool HasRole(IStateStore state, string organisationId, string role) =>
        RolesOf(state, organisationId).Contains(role, StringComparer.Ordinal);

    public static bool IsActive(IStateStore state, string organisationId) =>
        GetOrganisation(state, organisationId) is { Status: OrganisationStatus.Active };

    /// <summary>Every organisation id ever added (including removed ones), sorted ordinal.</summary>
    public static IReadOnlyList<string> OrganisationIds(IStateStore state) =>
        ProtoState.Get(state, OrgIndexKey, OrganisationIndex.Parser) is { } index ? [.. index.Ids] : [];

    /// <summary>Active organisations holding <see cref="Roles.Admin"/>, sorted.</summary>
    public static IReadOnlyList<string> AdminOrganisations(IStateStore state) =>
        [.. OrganisationIds(state).Where(id => HasRole(state, id, Roles.Admin))];

    /// <summary>Every active key with its organisation, sorted by address: the content of the node's member directory.</summary>
    public static IReadOnlyList<KeyValuePair<Address, string>> ActiveMembers(IStateStore state)
    {
        var members = new List<KeyValuePair<Address, string>>();
        foreach (var id in OrganisationIds(state))
        {
            if (GetOrganisation(state, id) is not { Status: OrganisationStatus.Active } org) continue;
            foreach (var key in org.Keys)
                if (key.Status == KeyStatus.Active) members.Add(new(new Address(key.Address.Span), id));
        }
        members.Sort((a, b) => a.Key.CompareTo(b.Key));
        return members;
    }

    /// <summary>
    /// The TLS pins of every active organisation that has any, sorted by id: what the node's certificate check reads.
    /// A removed organisation pins nothing, so its certificates stop mapping to it.
    /// </summary>
    public static IReadOnlyList<OrganisationRecord> TlsPinningOrganisations(IStateStore state) =>
        [.. OrganisationIds(state).Select(id => GetOrganisation(state, id))
            .Where(org => org is { Status: OrganisationStatus.Active, TlsCaCertificates.Count: > 0 })!];

    public static GovernanceConfig Config(IStateStore state) =>
        ProtoState.Get(state, ConfigKey, GovernanceConfig.Parser) ?? new GovernanceConfig { DefaultVotingPeriodMs = DefaultVotingPeriodMs };

    /// <summary>Approvals a proposal needs now: the configured threshold capped at the number of admins, or a majority.</summary>
    public static int AdminThreshold(IStateStore state) => EffectiveThreshold(Config(state).AdminThreshold, AdminOrganisations(state).Count);

    internal static int EffectiveThreshold(uint configured, int admins)
    {
        if (admins == 0) return 1;
        var majority = admins / 2 + 1;
        return configured == 0 ? majority : (int)(configured < (uint)admins ? configured : (uint)admins);
    }

    public static ValidatorSchedule Validators(IStateStore state) =>
        ProtoState.Get(state, ValidatorsKey, ValidatorSchedule.Parser) ?? new ValidatorSchedule();

    /// <summary>The validator set that signs block <paramref name="height"/>: the last set effective at or before it.</summary>
    public static ValidatorSet? ValidatorsAt(IStateStore state, ulong height) =>
        Validators(state).Sets.LastOrDefault(s => s.EffectiveHeight <= height);

    /// <summary>True if <paramref name="organisationId"/> runs a validator at <paramref name="height"/> or in any set scheduled after it.</summary>
    public static bool IsValidatorFrom(IStateStore state, string organisationId, ulong height)
    {
        var schedule = Validators(state);
        var current = schedule.Sets.LastOrDefault(s => s.EffectiveHeight <= height);
        return schedule.Sets.Where(s => s == current || s.EffectiveHeight > height)
            .Any(s => s.Validators.Any(v => v.Organisation == organisationId));
    }
}
