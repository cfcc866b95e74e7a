namespace TrustLedger.Consensus.Inputs;

/// <summary>A timer the core asked for (<see cref="Outputs.ScheduleTimeout"/>) fired. Stale ones are ignored.</summary>
public sealed record TimeoutFired(ulong Height, int Round, RoundStep Step) : ConsensusInput;
