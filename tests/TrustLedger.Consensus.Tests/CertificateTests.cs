using TrustLedger.Consensus.Messages;
using TrustLedger.Consensus.Tests.Support;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Consensus.Tests;

public sealed class CertificateTests
{
    private readonly Fixture _fx = new();
    private static readonly Hash32 Id = TestValues.IdOf(Fixture.Value("block"));

    private PrecommitSignature Sig(int index, string chain = Fixture.ChainId, ulong height = 7) =>
        new(_fx.Keys[index].Address, Vote.Create(chain, _fx.Suite, _fx.Keys[index], VoteType.Precommit, height, 2, Id).Signature);

    private CertificateCheck Check(IReadOnlyList<PrecommitSignature> sigs, ValidatorSet? set = null) =>
        new CommitCertificate(7, 2, Id, sigs).Verify(set ?? _fx.Set, _fx.Suite, Fixture.ChainId, 7, Id);

    [Fact]
    public void Two_f_plus_1_distinct_valid_precommits_verify() => Assert.True(Check([Sig(0), Sig(2), Sig(3)]).IsValid);

    [Fact]
    public void Two_f_precommits_do_not() => Assert.Contains("voting power", Check([Sig(0), Sig(2)]).Error);

    [Fact]
    public void A_signer_counted_twice_is_rejected() => Assert.Contains("twice", Check([Sig(0), Sig(2), Sig(2)]).Error);

    [Fact]
    public void A_non_member_is_rejected()
    {
        var outsider = Fixture.KeyOf(_fx.Suite, 9);
        var sig = new PrecommitSignature(outsider.Address, Vote.Create(Fixture.ChainId, _fx.Suite, outsider, VoteType.Precommit, 7, 2, Id).Signature);
        Assert.Contains("not a validator", Check([Sig(0), Sig(1), sig]).Error);
    }

    [Fact]
    public void Signatures_from_another_chain_or_height_are_rejected()
    {
        Assert.Contains("bad signature", Check([Sig(0), Sig(1), Sig(2, chain: "other")]).Error);
        Assert.Contains("bad signature", Check([Sig(0), Sig(1), Sig(2, height: 8)]).Error);
    }

    [Fact]
    public void A_certificate_for_another_height_or_value_is_rejected()
    {
        var certificate = new CommitCertificate(7, 2, Id, [Sig(0), Sig(1), Sig(2)]);
        Assert.False(certificate.Verify(_fx.Set, _fx.Suite, Fixture.ChainId, 8, Id).IsValid);
        Assert.False(certificate.Verify(_fx.Set, _fx.Suite, Fixture.ChainId, 7, TestValues.IdOf(Fixture.Value("other"))).IsValid);
    }

    [Fact]
    public void Quorum_is_by_voting_power()
    {
        var weighted = new ValidatorSet(_fx.Keys.Select((k, i) => new Validator(k.Address, k.PublicKey, i == 0 ? 5 : 1)));
        Assert.True(Check([Sig(0), Sig(1)], weighted).IsValid); // 6 of 8
        Assert.False(Check([Sig(1), Sig(2), Sig(3)], weighted).IsValid); // 3 of 8
    }
}
