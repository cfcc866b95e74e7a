using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Genesis;

/// <summary>
/// A one-organisation, one-validator genesis for development: the validator key signs blocks, the
/// client key submits transactions. Both belong to organisation <c>dev</c> holding every role.
/// </summary>
public static class DevGenesis
{
    public static readonly string[] AllRoles = ["admin", "validator", "department", "hub", "auditor", "community", "store"];

    public static GenesisDocument Create(ICryptoSuite suite, KeyPair validator, IEnumerable<KeyPair> clients, string chainId = "trustledger-dev", long? genesisTimeMs = null) => new()
    {
        ChainId = chainId,
        CryptoSuite = suite.Name,
        GenesisTimeMs = genesisTimeMs ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        Organisations =
        [
            new OrganisationEntry
            {
                Id = "dev",
                Name = "Development organisation",
                Roles = AllRoles,
                Keys = [Hex.Encode(validator.PublicKey), .. clients.Select(c => Hex.Encode(c.PublicKey))],
            },
        ],
        Validators = [new ValidatorEntry { Organisation = "dev", PublicKey = Hex.Encode(validator.PublicKey) }],
    };
}
