namespace TrustLedger.Consensus.Outputs;

/// <summary>Feed <see cref="Inputs.TimeoutFired"/>(Height, Round, Step) after <paramref name="Duration"/>. Timers are never cancelled; stale ones are ignored.</summary>
public sealed record ScheduleTimeout(ulong Height, int Round, RoundStep Step, TimeSpan Duration) : ConsensusOutput;
