using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Encoding;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Consensus.Messages;

/// <summary>A prevote or precommit for a value id, or for nil (<see cref="ValueId"/> null), at one height and round.</summary>
public sealed class Vote : ConsensusMessage
{
    public Vote(VoteType type, ulong height, int round, Hash32? valueId, Address validator, byte[] signature)
        : base(height, round, validator, signature)
    {
        if (type is not (VoteType.Prevote or VoteType.Precommit)) throw new ArgumentOutOfRangeException(nameof(type));
        // The zero hash is reserved: a vote for a value must name a real id so nil and a value never collide.
        if (valueId is { IsZero: true }) throw new ArgumentException("a vote for a value cannot name the zero hash", nameof(valueId));
        Type = type;
        ValueId = valueId;
    }

    public VoteType Type { get; }
    public Hash32? ValueId { get; }
    public bool IsNil => ValueId is null;

    /// <summary>Signs a vote with <paramref name="key"/>.</summary>
    public static Vote Create(string chainId, ICryptoSuite suite, KeyPair key, VoteType type, ulong height, int round, Hash32? valueId)
    {
        var signature = suite.Sign(key, SignedBytes.Vote(chainId, type, height, round, valueId));
        return new Vote(type, height, round, valueId, key.Address, signature);
    }

    /// <summary>A certificate's precommits as votes (for feeding a certificate back into a core).</summary>
    public static IEnumerable<Vote> PrecommitsOf(CommitCertificate certificate) =>
        certificate.Precommits.Select(p => new Vote(VoteType.Precommit, certificate.Height, certificate.Round, certificate.ValueId, p.Validator, p.Signature));

    public override byte[] SigningBytes(string chainId) => SignedBytes.Vote(chainId, Type, Height, Round, ValueId);

    public override bool SameContent(ConsensusMessage other) =>
        other is Vote v && v.Type == Type && v.Height == Height && v.Round == Round && v.Sender == Sender && v.ValueId == ValueId;

    private protected override void WriteBody(CanonicalWriter w)
    {
        w.U8((byte)Type);
        if (ValueId is { } id) w.U8(1).Hash(id);
        else w.U8(0);
    }

    internal static Vote ReadBody(ref CanonicalReader r, ulong height, int round, Address sender)
    {
        var type = (VoteType)r.U8();
        Hash32? valueId = r.U8() switch
        {
            0 => null,
            1 => r.Hash(),
            var b => throw new FormatException($"bad value flag {b}"),
        };
        return new Vote(type, height, round, valueId, sender, r.Bytes());
    }

    public override string ToString() =>
        $"{Type}(h={Height} r={Round} {(ValueId is { } id ? id.ToShortString() : "nil")} by {Sender.ToString()[..10]})";
}
