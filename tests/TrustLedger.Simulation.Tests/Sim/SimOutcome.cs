namespace TrustLedger.Simulation.Tests.Sim;

/// <summary>The result of one seed: a failure message (null when every check held) and what the run did.</summary>
internal sealed record SimOutcome(
    int Seed,
    Scenario Scenario,
    string? Failure,
    long VirtualMs,
    long Events,
    long Delivered,
    ulong MinHonestHeight,
    int Decisions,
    int Evidence,
    int Restarts,
    ulong Fingerprint)
{
    public bool Passed => Failure is null;

    public override string ToString() =>
        $"seed {Seed}: {(Passed ? "ok" : "FAILED: " + Failure)}\n  scenario: {Scenario}\n" +
        $"  ran {VirtualMs}ms virtual, {Events} events, {Delivered} deliveries, honest heights ≥ {MinHonestHeight}, " +
        $"{Decisions} decisions, {Evidence} evidence, {Restarts} boots";
}
