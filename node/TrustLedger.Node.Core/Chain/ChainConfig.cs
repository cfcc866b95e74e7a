using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Core.Chain;

/// <summary>The immutable facts every node derives from the genesis file.</summary>
public sealed class ChainConfig
{
    public ChainConfig(GenesisDocument genesis)
    {
        genesis.Validate();
        Genesis = genesis;
        Suite = CryptoSuites.Get(genesis.CryptoSuite);
        GenesisHash = genesis.ComputeHash(Suite.Hash);
        GenesisValidators = genesis.ToValidatorSet(Suite);
        Validators = GenesisValidators.Validators.Select(v => v.Address).ToArray();
    }

    public GenesisDocument Genesis { get; }
    public string ChainId => Genesis.ChainId;
    public ICryptoSuite Suite { get; }
    public ChainParameters Parameters => Genesis.Parameters;
    public Hash32 GenesisHash { get; }

    /// <summary>The genesis validators (equal power, genesis order): the set of height 1. Later heights: <see cref="LedgerState.ValidatorSetAt"/>.</summary>
    public ValidatorSet GenesisValidators { get; }

    /// <summary>Addresses of the genesis validators, in genesis order.</summary>
    public IReadOnlyList<Address> Validators { get; }
}
