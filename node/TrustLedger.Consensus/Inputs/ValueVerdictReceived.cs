using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Consensus.Inputs;

/// <summary>The host's late answer for a value its <see cref="IProposalValidator"/> reported as pending.</summary>
public sealed record ValueVerdictReceived(ulong Height, Hash32 ValueId, bool IsValid) : ConsensusInput;
