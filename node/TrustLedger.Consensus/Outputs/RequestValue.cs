namespace TrustLedger.Consensus.Outputs;

/// <summary>This node proposes at (Height, Round) and has no value yet: build a block and answer with <see cref="Inputs.ValueBuilt"/>.</summary>
public sealed record RequestValue(ulong Height, int Round) : ConsensusOutput;
