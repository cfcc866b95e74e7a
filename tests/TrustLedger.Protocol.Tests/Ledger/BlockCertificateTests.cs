using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Tests.Ledger;

/// <summary>
/// <see cref="BlockCertificate.Problem"/>, the one check that a block is committed: each case breaks one condition of
/// a valid certificate (4 validators, so 3 signers are a quorum) and must be refused with its reason.
/// </summary>
public sealed class BlockCertificateTests
{
    private const string ChainId = "trustledger-cert";
    private const int Round = 2;
    private static readonly ICryptoSuite Suite = CryptoSuites.Eth;
    private static readonly KeyPair[] Keys = [.. Enumerable.Range(1, 5).Select(i => Suite.FromPrivateKey(Hex.Decode("0x" + i.ToString("x64"))))];
    private static readonly ValidatorSet Set = ValidatorSet.FromPublicKeys(Suite, Keys[..4].Select(k => k.PublicKey));
    private static readonly BlockHeader Header = GoldenVectorTests.GoldenHeader(Keys[0].Address) with
    {
        ChainId = ChainId,
        ValidatorSetHash = Set.ComputeHash(Suite.Hash),
    };

    private static CommitCertificate Signed(params KeyPair[] signers) => BlockCertificate.Sign(Suite, Header, Round, signers);

    private static string? Problem(CommitCertificate certificate, BlockHeader? header = null, ValidatorSet? set = null) =>
        BlockCertificate.Problem(Suite, ChainId, header ?? Header, certificate, set ?? Set);

    [Fact]
    public void Precommits_of_a_quorum_for_the_header_hash_commit_the_block()
    {
        Assert.Null(Problem(Signed(Keys[0], Keys[1], Keys[2])));
        Assert.Null(Problem(Signed(Keys[..4])));
    }

    [Fact]
    public void The_genesis_set_hash_is_what_headers_have_always_named()
    {
        var keys = Keys[..4].Select(k => k.PublicKey).ToArray();
        Assert.Equal(GenesisDocument.ComputeValidatorSetHash(Suite.Hash, keys), Set.ComputeHash(Suite.Hash));
        Assert.NotEqual(Set.ComputeHash(Suite.Hash), ValidatorSet.FromPublicKeys(Suite, keys.Reverse()).ComputeHash(Suite.Hash)); // order counts
    }

    [Fact]
    public void Too_little_power_is_refused() =>
        Assert.Contains("more than 2/3", Problem(Signed(Keys[0], Keys[1])));

    [Fact]
    public void A_signer_counted_twice_is_refused() =>
        Assert.Contains("signs twice", Problem(Signed(Keys[0], Keys[1], Keys[1])));

    [Fact]
    public void A_signer_outside_the_set_is_refused() =>
        Assert.Contains("is not a validator", Problem(Signed(Keys[0], Keys[1], Keys[4])));

    [Fact]
    public void A_precommit_signed_in_another_round_is_refused()
    {
        var otherRound = BlockCertificate.SignPrecommit(Suite, Keys[2], Header, Round + 1);
        var honest = Signed(Keys[0], Keys[1]);
        Assert.Contains($"bad signature from {Keys[2].Address}", Problem(honest with { Precommits = [.. honest.Precommits, otherRound] }));
    }

    [Fact]
    public void A_certificate_moved_to_another_round_is_refused()
    {
        var certificate = Signed(Keys[0], Keys[1], Keys[2]);
        Assert.Contains("bad signature", Problem(certificate with { Round = Round + 1 }));
    }

    [Fact]
    public void A_header_naming_a_different_validator_set_is_refused()
    {
        var other = ValidatorSet.FromPublicKeys(Suite, Keys[1..5].Select(k => k.PublicKey));
        var header = Header with { ValidatorSetHash = other.ComputeHash(Suite.Hash) };
        var certificate = BlockCertificate.Sign(Suite, header, Round, Keys[1..5]);
        Assert.Contains("header names validator set", Problem(certificate, header));      // checked against the height's set
        Assert.Null(Problem(certificate, header, other));                                  // the set it names accepts it
        Assert.Contains("header names validator set", Problem(Signed(Keys[..4]), set: other)); // and refuses the old header
    }

    [Fact]
    public void A_certificate_for_another_header_or_chain_is_refused()
    {
        var certificate = Signed(Keys[0], Keys[1], Keys[2]);
        Assert.Contains("certificate is for value", Problem(certificate, Header with { TimeMs = Header.TimeMs + 1 }));
        Assert.Contains("certificate is for height", Problem(certificate with { Height = 8 }));
        Assert.Contains("not 'trustledger-cert'", Problem(certificate, Header with { ChainId = "other" }));
    }
}
