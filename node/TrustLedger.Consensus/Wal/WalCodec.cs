using TrustLedger.Consensus.Inputs;
using TrustLedger.Consensus.Messages;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Encoding;

namespace TrustLedger.Consensus.Wal;

/// <summary>Canonical encoding of WAL records: a kind byte, then the fields.</summary>
internal static class WalCodec
{
    private const byte ProposalKind = 1, VoteKind = 2, TimeoutKind = 3, ValueKind = 4, VerdictKind = 5, CommitKind = 6, SignedKind = 16, SyncVerdictKind = 17;

    public static void Write(CanonicalWriter w, WalRecord record)
    {
        switch (record)
        {
            case WalSigned s:
                s.Message.Write(w.U8(SignedKind));
                break;
            case WalVerdict v:
                w.U8(SyncVerdictKind).U64(v.ValueHeight).Hash(v.ValueId).U8(v.IsValid ? (byte)1 : (byte)0);
                break;
            case WalInput { Input: ProposalReceived p }:
                p.Proposal.Write(w.U8(ProposalKind));
                break;
            case WalInput { Input: VoteReceived v }:
                v.Vote.Write(w.U8(VoteKind));
                break;
            case WalInput { Input: TimeoutFired t }:
                w.U8(TimeoutKind).U64(t.Height).U32((uint)t.Round).U8((byte)t.Step);
                break;
            case WalInput { Input: ValueBuilt b }:
                w.U8(ValueKind).U64(b.Height).U32((uint)b.Round).Bytes(b.Value);
                break;
            case WalInput { Input: ValueVerdictReceived v }:
                w.U8(VerdictKind).U64(v.Height).Hash(v.ValueId).U8(v.IsValid ? (byte)1 : (byte)0);
                break;
            case WalInput { Input: CommitReceived c }:
                c.Certificate.Write(w.U8(CommitKind).Bytes(c.Value));
                break;
            default:
                throw new InvalidOperationException($"cannot encode {record}");
        }
    }

    public static WalRecord Read(ref CanonicalReader r)
    {
        var kind = r.U8();
        return kind switch
        {
            SignedKind => new WalSigned(ConsensusMessage.Read(ref r)),
            SyncVerdictKind => new WalVerdict(r.U64(), r.Hash(), r.U8() != 0),
            ProposalKind => new WalInput(new ProposalReceived(ReadMessage<Proposal>(ref r))),
            VoteKind => new WalInput(new VoteReceived(ReadMessage<Vote>(ref r))),
            TimeoutKind => new WalInput(new TimeoutFired(r.U64(), ReadRound(ref r), ReadStep(ref r))),
            ValueKind => new WalInput(new ValueBuilt(r.U64(), ReadRound(ref r), r.Bytes())),
            VerdictKind => new WalInput(new ValueVerdictReceived(r.U64(), r.Hash(), r.U8() != 0)),
            CommitKind => new WalInput(new CommitReceived(r.Bytes(), CommitCertificate.Read(ref r))),
            _ => throw new FormatException($"unknown WAL record kind {kind}"),
        };
    }

    private static T ReadMessage<T>(ref CanonicalReader r) where T : ConsensusMessage =>
        ConsensusMessage.Read(ref r) as T ?? throw new FormatException($"expected a {typeof(T).Name}");

    private static int ReadRound(ref CanonicalReader r)
    {
        var round = r.U32();
        return round <= ConsensusMessage.MaxRound ? (int)round : throw new FormatException($"round {round} out of range");
    }

    private static RoundStep ReadStep(ref CanonicalReader r)
    {
        var step = (RoundStep)r.U8();
        return step is RoundStep.Propose or RoundStep.Prevote or RoundStep.Precommit ? step : throw new FormatException($"bad step {step}");
    }
}
