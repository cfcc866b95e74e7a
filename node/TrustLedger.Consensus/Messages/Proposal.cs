using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Encoding;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Consensus.Messages;

/// <summary>
/// The round proposer's value for (height, round). <see cref="ValidRound"/> is −1 for a fresh value, or the round
/// in which the proposer saw 2f+1 prevotes for it (its proof of lock). Receivers recompute <see cref="ValueId"/>
/// from <see cref="Value"/>, so the signature binds the bytes.
/// </summary>
public sealed class Proposal : ConsensusMessage
{
    public Proposal(ulong height, int round, int validRound, Hash32 valueId, byte[] value, Address proposer, byte[] signature)
        : base(height, round, proposer, signature)
    {
        if (validRound < -1 || validRound >= round) throw new ArgumentOutOfRangeException(nameof(validRound), validRound, "valid round must be −1 or below the round");
        if (valueId.IsZero) throw new ArgumentException("a proposal cannot name the zero hash", nameof(valueId));
        ValidRound = validRound;
        ValueId = valueId;
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    public int ValidRound { get; }
    public Hash32 ValueId { get; }

    /// <summary>The opaque value (the host's encoded block). Do not mutate.</summary>
    public byte[] Value { get; }

    /// <summary>Signs a proposal with <paramref name="key"/>.</summary>
    public static Proposal Create(string chainId, ICryptoSuite suite, KeyPair key, ulong height, int round, int validRound, Hash32 valueId, byte[] value)
    {
        var signature = suite.Sign(key, SignedBytes.Proposal(chainId, height, round, validRound, valueId));
        return new Proposal(height, round, validRound, valueId, value, key.Address, signature);
    }

    public override byte[] SigningBytes(string chainId) => SignedBytes.Proposal(chainId, Height, Round, ValidRound, ValueId);

    public override bool SameContent(ConsensusMessage other) =>
        other is Proposal p && p.Height == Height && p.Round == Round && p.Sender == Sender && p.ValidRound == ValidRound && p.ValueId == ValueId;

    private protected override void WriteBody(CanonicalWriter w) => w.I64(ValidRound).Hash(ValueId).Bytes(Value);

    internal static Proposal ReadBody(ref CanonicalReader r, ulong height, int round, Address sender)
    {
        var validRound = r.I64();
        if (validRound < -1 || validRound >= round) throw new FormatException($"valid round {validRound} out of range");
        var valueId = r.Hash();
        var value = r.Bytes();
        return new Proposal(height, round, (int)validRound, valueId, value, sender, r.Bytes());
    }

    public override string ToString() =>
        $"Proposal(h={Height} r={Round} vr={ValidRound} {ValueId.ToShortString()} by {Sender.ToString()[..10]})";
}
