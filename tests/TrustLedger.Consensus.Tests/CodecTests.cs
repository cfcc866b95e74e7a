using TrustLedger.Consensus.Inputs;
using TrustLedger.Consensus.Messages;
using TrustLedger.Consensus.Tests.Support;
using TrustLedger.Consensus.Wal;
using TrustLedger.Protocol.Consensus;

namespace TrustLedger.Consensus.Tests;

public sealed class CodecTests
{
    private readonly Fixture _fx = new();
    private static readonly byte[] Value = Fixture.Value("block");

    [Fact]
    public void Messages_round_trip()
    {
        var id = TestValues.IdOf(Value);
        ConsensusMessage[] messages =
        [
            _fx.Vote(1, VoteType.Prevote, 3, 2, id),
            _fx.Vote(2, VoteType.Precommit, 3, 2, null),
            _fx.Proposal(3, 2, Value, validRound: 1).Proposal,
        ];
        foreach (var message in messages)
        {
            var decoded = ConsensusMessage.Decode(message.Encode());
            Assert.True(decoded.SameSignedMessage(message));
            Assert.True(decoded.VerifySignature(Fixture.ChainId, _fx.Suite, _fx.Keys.Single(k => k.Address == message.Sender).PublicKey));
        }
        Assert.Equal(Value, ((Proposal)ConsensusMessage.Decode(messages[2].Encode())).Value);
    }

    [Fact]
    public void Every_wal_record_kind_round_trips()
    {
        var id = TestValues.IdOf(Value);
        var certificate = new CommitCertificate(3, 1, id, [new PrecommitSignature(_fx.Keys[0].Address, new byte[64])]);
        WalRecord[] records =
        [
            new WalInput(_fx.Proposal(3, 0, Value)),
            new WalInput(_fx.Prevote(1, 3, 0, id)),
            new WalInput(new TimeoutFired(3, 4, RoundStep.Prevote)),
            new WalInput(new ValueBuilt(3, 4, Value)),
            new WalInput(new ValueVerdictReceived(3, id, false)),
            new WalInput(new CommitReceived(Value, certificate)),
            new WalSigned(_fx.Vote(0, VoteType.Precommit, 3, 0, id)),
            new WalVerdict(3, id, true),
        ];
        foreach (var record in records)
        {
            var bytes = record.Encode();
            var decoded = WalRecord.Decode(bytes);
            Assert.Equal(record.GetType(), decoded.GetType());
            Assert.Equal(record.Height, decoded.Height);
            Assert.Equal(bytes, decoded.Encode());
        }
    }

    [Fact]
    public void Corrupt_bytes_throw_format_exceptions()
    {
        var vote = _fx.Vote(1, VoteType.Prevote, 3, 2, null).Encode();
        Assert.Throws<FormatException>(() => ConsensusMessage.Decode(vote.AsSpan(0, vote.Length - 1)));
        Assert.Throws<FormatException>(() => ConsensusMessage.Decode([.. vote, 0]));
        var badType = (byte[])vote.Clone();
        badType[1 + 8 + 4 + 20] = 9;
        Assert.Throws<FormatException>(() => ConsensusMessage.Decode(badType));
        Assert.Throws<FormatException>(() => WalRecord.Decode([1, 99]));
        Assert.Throws<FormatException>(() => WalRecord.Decode([2, 1]));
    }

    [Fact]
    public void Certificates_round_trip()
    {
        var id = TestValues.IdOf(Value);
        var certificate = new CommitCertificate(3, 1, id, [.. Enumerable.Range(0, 3).Select(i => new PrecommitSignature(_fx.Keys[i].Address, _fx.Vote(i, VoteType.Precommit, 3, 1, id).Signature))]);
        Assert.Equal(certificate, CommitCertificate.Decode(certificate.Encode()));
    }
}
