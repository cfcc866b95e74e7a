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
        ValidatorSetHash = genesis.ValidatorSetHash(Suite.Hash);
        ValidatorKeys = genesis.Validators.Select(v => Hex.Decode(v.PublicKey)).ToArray();
        Validators = ValidatorKeys.Select(k => Suite.AddressOf(k)).ToArray();
    }

    public GenesisDocument Genesis { get; }
    public string ChainId => Genesis.ChainId;
    public ICryptoSuite Suite { get; }
    public ChainParameters Parameters => Genesis.Parameters;
    public Hash32 GenesisHash { get; }
    public Hash32 ValidatorSetHash { get; }
    public IReadOnlyList<byte[]> ValidatorKeys { get; }
    public IReadOnlyList<Address> Validators { get; }
}
