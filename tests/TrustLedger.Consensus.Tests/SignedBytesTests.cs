using TrustLedger.Consensus.Messages;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;
using TrustLedger.Consensus.Tests.Support;

namespace TrustLedger.Consensus.Tests;

/// <summary>Golden vectors: the signed bytes are a protocol constant; changing them needs a new tag version.</summary>
public sealed class SignedBytesTests
{
    private static readonly Hash32 Id = Hash32.Parse("0x" + string.Concat(Enumerable.Range(0, 32).Select(i => i.ToString("x2"))));

    [Fact]
    public void Prevote_for_a_value() => Assert.Equal(
        "0x544c2f766f74652f7631" + "00000008" + "746c2d636861696e" + "01" + "0000000000000005" + "00000002" + "01" +
        "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
        Hex.Encode(SignedBytes.Vote("tl-chain", VoteType.Prevote, 5, 2, Id)));

    [Fact]
    public void Precommit_for_nil() => Assert.Equal(
        "0x544c2f766f74652f7631" + "00000008" + "746c2d636861696e" + "02" + "0000000000000005" + "00000002" + "00",
        Hex.Encode(SignedBytes.Vote("tl-chain", VoteType.Precommit, 5, 2, null)));

    [Fact]
    public void Proposal_with_a_valid_round() => Assert.Equal(
        "0x544c2f70726f706f73616c2f7631" + "00000008" + "746c2d636861696e" + "0000000000000005" + "00000002" + "ffffffffffffffff" +
        "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
        Hex.Encode(SignedBytes.Proposal("tl-chain", 5, 2, -1, Id)));

    [Fact]
    public void Eth_vote_signatures_are_deterministic_and_pinned()
    {
        var key = Fixture.KeyOf(CryptoSuites.Eth, 0);
        var vote = Vote.Create("tl-chain", CryptoSuites.Eth, key, VoteType.Precommit, 5, 2, Id);
        Assert.Equal(vote.Signature, Vote.Create("tl-chain", CryptoSuites.Eth, key, VoteType.Precommit, 5, 2, Id).Signature);
        Assert.Equal(64, vote.Signature.Length);
    }
}
