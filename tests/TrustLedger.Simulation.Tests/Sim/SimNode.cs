using TrustLedger.Consensus.Inputs;
using TrustLedger.Consensus.Messages;
using TrustLedger.Protocol.Consensus;

namespace TrustLedger.Simulation.Tests.Sim;

/// <summary>A simulated node: the host around one consensus core.</summary>
internal abstract class SimNode(World world, int index)
{
    protected World World { get; } = world;
    public int Index { get; } = index;

    public abstract void Boot();

    public abstract void Receive(int from, Envelope envelope);

    /// <summary>Wire bytes → core input; null for garbage (hosts drop undecodable traffic).</summary>
    protected static ConsensusInput? ToInput(Envelope envelope)
    {
        try
        {
            return envelope switch
            {
                MessageEnvelope m => ConsensusMessage.Decode(m.Bytes) switch
                {
                    Proposal p => new ProposalReceived(p),
                    Vote v => new VoteReceived(v),
                    _ => null,
                },
                CommitEnvelope c => new CommitReceived(c.Value, CommitCertificate.Decode(c.Certificate)),
                _ => null,
            };
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
