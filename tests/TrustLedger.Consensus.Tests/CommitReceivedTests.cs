using TrustLedger.Consensus.Inputs;
using TrustLedger.Consensus.Messages;
using TrustLedger.Consensus.Tests.Support;
using TrustLedger.Protocol.Consensus;

namespace TrustLedger.Consensus.Tests;

/// <summary>Block sync hands the core a value and its certificate; the core decides it only if the certificate holds.</summary>
public sealed class CommitReceivedTests
{
    private readonly Fixture _fx = new();
    private static readonly byte[] Value = Fixture.Value("synced block");

    private CommitCertificate Certificate(params int[] signers)
    {
        var id = TestValues.IdOf(Value);
        return new CommitCertificate(1, 3, id, signers.Select(i => _fx.Vote(i, VoteType.Precommit, 1, 3, id))
            .Select(v => new PrecommitSignature(v.Sender, v.Signature)).ToList());
    }

    [Fact]
    public void A_valid_certificate_decides_the_height()
    {
        var core = _fx.Started(0);
        var decision = Assert.Single(core.Step(new CommitReceived(Value, Certificate(1, 2, 3))).Decisions());
        Assert.Equal((1ul, 3), (decision.Height, decision.Round));
        Assert.Equal(2ul, core.Height);
    }

    [Fact]
    public void A_certificate_short_of_a_quorum_is_ignored()
    {
        var core = _fx.Started(0);
        var step = core.Step(new CommitReceived(Value, Certificate(1, 2)));
        Assert.Empty(step.Wal);
        Assert.Equal(1ul, core.Height);
    }

    [Fact]
    public void A_certificate_for_other_bytes_is_ignored()
    {
        var core = _fx.Started(0);
        Assert.Empty(core.Step(new CommitReceived(Fixture.Value("swapped"), Certificate(1, 2, 3))).Wal);
    }
}
