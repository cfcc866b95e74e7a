namespace TrustLedger.Consensus.Inputs;

/// <summary>
/// The host's block builder answered a <see cref="Outputs.RequestValue"/>: <paramref name="Value"/> is this node's
/// proposal value for <paramref name="Height"/>. Treated as valid; reused for later rounds of the height.
/// </summary>
public sealed record ValueBuilt(ulong Height, int Round, byte[] Value) : ConsensusInput;
