using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;
using TrustLedger.Sdk.Verification;

namespace TrustLedger.Sdk.Tests.Verification;

/// <summary>The auditor's offline header check: the genesis set's certificate passes; anything else says why not.</summary>
public sealed class AuditClientHeaderTests : IDisposable
{
    private static readonly ICryptoSuite Suite = CryptoSuites.Eth;
    private readonly KeyPair _validator = Suite.GenerateKey();
    private readonly AuditClient _audit;
    private readonly BlockHeader _header;

    public AuditClientHeaderTests()
    {
        var genesis = DevGenesis.Create(Suite, _validator, [Suite.GenerateKey()], "audit-chain", 1_700_000_000_000);
        _audit = new AuditClient("http://127.0.0.1:9", genesis); // never dialled: the checks below are offline
        _header = new BlockHeader("audit-chain", 5, Hash32.Zero, 1_700_000_005_000, 0, 0, Hash32.Zero, Hash32.Zero, Hash32.Zero,
            genesis.ValidatorSetHash(Suite.Hash), _validator.Address);
    }

    [Fact]
    public void A_header_certified_by_the_genesis_validator_verifies() =>
        Assert.Same(_header, _audit.VerifyHeader(_header, BlockCertificate.Sign(Suite, _header, 0, [_validator])));

    [Fact]
    public void A_header_signed_by_anyone_else_is_refused() =>
        Assert.Contains("is not a validator", Assert.Throws<VerificationException>(() =>
            _audit.VerifyHeader(_header, BlockCertificate.Sign(Suite, _header, 0, [Suite.GenerateKey()]))).Message);

    [Fact]
    public void A_header_of_a_later_validator_set_names_the_set_it_needs()
    {
        var successors = new[] { Suite.GenerateKey(), Suite.GenerateKey() };
        var header = _header with { ValidatorSetHash = ValidatorSet.FromPublicKeys(Suite, successors.Select(k => k.PublicKey)).ComputeHash(Suite.Hash) };
        var refused = Assert.Throws<VerificationException>(() => _audit.VerifyHeader(header, BlockCertificate.Sign(Suite, header, 0, successors)));
        Assert.Contains($"certified by validator set {header.ValidatorSetHash}, not the genesis set {_header.ValidatorSetHash}", refused.Message);
    }

    public void Dispose() => _audit.Dispose();
}
