using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Encoding;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Consensus.Messages;

/// <summary>
/// A signed consensus message: a <see cref="Proposal"/> or a <see cref="Vote"/>. Immutable. Content equality
/// (<see cref="SameContent"/>) ignores the signature, since SM2 signatures of one content differ each time.
/// </summary>
public abstract class ConsensusMessage
{
    /// <summary>Highest round a message may carry (<see cref="ConsensusLimits.MaxRound"/>).</summary>
    public const int MaxRound = ConsensusLimits.MaxRound;

    private protected ConsensusMessage(ulong height, int round, Address sender, byte[] signature)
    {
        if (round < 0 || round > MaxRound) throw new ArgumentOutOfRangeException(nameof(round), round, "round out of range");
        Height = height;
        Round = round;
        Sender = sender;
        Signature = signature ?? throw new ArgumentNullException(nameof(signature));
    }

    public ulong Height { get; }
    public int Round { get; }

    /// <summary>The validator that claims to have signed the message; receivers check it against the set.</summary>
    public Address Sender { get; }

    public byte[] Signature { get; }

    /// <summary>The bytes <see cref="Sender"/> signed (see <see cref="SignedBytes"/>).</summary>
    public abstract byte[] SigningBytes(string chainId);

    /// <summary>True when the signature is valid for <paramref name="publicKey"/> on <paramref name="chainId"/>.</summary>
    public bool VerifySignature(string chainId, ICryptoSuite suite, ReadOnlySpan<byte> publicKey) =>
        suite.Verify(publicKey, SigningBytes(chainId), Signature);

    /// <summary>True when both messages say the same thing (same kind, height, round, sender and content).</summary>
    public abstract bool SameContent(ConsensusMessage other);

    /// <summary>True when both carry the same signature bytes too.</summary>
    public bool SameSignedMessage(ConsensusMessage other) => SameContent(other) && Signature.AsSpan().SequenceEqual(other.Signature);

    private const byte ProposalKind = 1, VoteKind = 2;

    /// <summary>Canonical encoding (WAL records, simulator wire). Protobuf wire types map to and from this.</summary>
    public byte[] Encode()
    {
        var w = new CanonicalWriter(128);
        Write(w);
        return w.ToArray();
    }

    public void Write(CanonicalWriter w)
    {
        w.U8(this is Proposal ? ProposalKind : VoteKind).U64(Height).U32((uint)Round).Address(Sender);
        WriteBody(w);
        w.Bytes(Signature);
    }

    private protected abstract void WriteBody(CanonicalWriter w);

    /// <summary>Decodes one message; throws <see cref="FormatException"/> on malformed input.</summary>
    public static ConsensusMessage Decode(ReadOnlySpan<byte> bytes)
    {
        var r = new CanonicalReader(bytes);
        var message = Read(ref r);
        r.ExpectEnd();
        return message;
    }

    public static ConsensusMessage Read(ref CanonicalReader r)
    {
        var kind = r.U8();
        var height = r.U64();
        var round = r.U32();
        if (round > MaxRound) throw new FormatException($"round {round} out of range");
        var sender = r.Address();
        try
        {
            return kind switch
            {
                ProposalKind => Proposal.ReadBody(ref r, height, (int)round, sender),
                VoteKind => Vote.ReadBody(ref r, height, (int)round, sender),
                _ => throw new FormatException($"unknown consensus message kind {kind}"),
            };
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message, e);
        }
    }
}
