using Google.Protobuf;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Messages;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Contracts.Membership;

/// <summary>Governance settings that come with the genesis (until the genesis file carries them itself).</summary>
/// <param name="AdminThreshold">Approvals a proposal needs; 0 = a majority of the admin organisations.</param>
/// <param name="VotingPeriodMs">How long a proposal stays open when it names no deadline.</param>
public sealed record GovernanceGenesisOptions(uint AdminThreshold = 0, long VotingPeriodMs = MembershipState.DefaultVotingPeriodMs);

public static partial class MembershipState
{
    /// <summary>Writes the genesis organisations, keys, validator set and governance settings into a fresh state.</summary>
    public static void Initialise(IStateStore state, GenesisDocument genesis, Func<ReadOnlySpan<byte>, Address> addressOf) =>
        Initialise(state, genesis, addressOf, new GovernanceGenesisOptions());

    /// <exception cref="GenesisException">An organisation id or role is not allowed, or the threshold exceeds the admins.</exception>
    public static void Initialise(IStateStore state, GenesisDocument genesis, Func<ReadOnlySpan<byte>, Address> addressOf, GovernanceGenesisOptions options)
    {
        var index = new OrganisationIndex();
        foreach (var org in genesis.Organisations.OrderBy(o => o.Id, StringComparer.Ordinal))
        {
            if (!Ids.IsOrganisationId(org.Id))
                throw new GenesisException($"organisation id '{org.Id}' must be 1–64 letters, digits, '.', '_' or '-'");
            foreach (var role in org.Roles)
                if (!Roles.IsKnown(role))
                    throw new GenesisException($"organisation '{org.Id}' has unknown role '{role}' (known: {string.Join(", ", Roles.All)})");
            var record = new OrganisationRecord { Id = org.Id, Name = org.Name, Status = OrganisationStatus.Active };
            record.Roles.AddRange(org.Roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            foreach (var keyHex in org.Keys)
            {
                var publicKey = Hex.Decode(keyHex);
                var address = addressOf(publicKey);
                record.Keys.Add(new MemberKey
                {
                    PublicKey = ByteString.CopyFrom(publicKey),
                    Address = ByteString.CopyFrom(address.Bytes),
                    Status = KeyStatus.Active,
                });
                PutKey(state, address.Bytes, org.Id);
            }
            foreach (var der in GenesisDocument.TlsCaCertificatesOf(org)) record.TlsCaCertificates.Add(ByteString.CopyFrom(der));
            PutOrganisation(state, record);
            index.Ids.Add(org.Id);
        }
        ProtoState.Put(state, OrgIndexKey, index);

        var admins = genesis.Organisations.Count(o => o.Roles.Contains(Roles.Admin, StringComparer.Ordinal));
        if (options.AdminThreshold > (uint)admins)
            throw new GenesisException($"admin threshold {options.AdminThreshold} exceeds the {admins} admin organisations");
        if (options.VotingPeriodMs <= 0) throw new GenesisException("the voting period must be positive");
        ProtoState.Put(state, ConfigKey, new GovernanceConfig { AdminThreshold = options.AdminThreshold, DefaultVotingPeriodMs = options.VotingPeriodMs });

        var set = new ValidatorSet { EffectiveHeight = 1 };
        foreach (var v in genesis.Validators)
            set.Validators.Add(new ValidatorInfo { Organisation = v.Organisation, PublicKey = ByteString.CopyFrom(Hex.Decode(v.PublicKey)), Endpoint = v.Endpoint ?? "" });
        ProtoState.Put(state, ValidatorsKey, new ValidatorSchedule { Sets = { set } });
    }
}
