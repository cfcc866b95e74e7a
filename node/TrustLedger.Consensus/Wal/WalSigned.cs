using TrustLedger.Consensus.Messages;

namespace TrustLedger.Consensus.Wal;

/// <summary>A message this node signed. On replay it is loaded before anything else, so the node never signs a conflicting one.</summary>
public sealed record WalSigned(ConsensusMessage Message) : WalRecord
{
    public override ulong Height => Message.Height;
}
