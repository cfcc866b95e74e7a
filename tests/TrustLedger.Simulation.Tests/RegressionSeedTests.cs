using TrustLedger.Simulation.Tests.Sim;

namespace TrustLedger.Simulation.Tests;

/// <summary>Seeds that once failed, kept so the bug they found stays fixed (valid while Scenario.Generate is unchanged).</summary>
public sealed class RegressionSeedTests
{
    [Theory]
    [InlineData(26596)] // replay from the next height took another path than the live run (batch promotion) → amnesia, fork
    public void Once_failing_seed_passes(int seed)
    {
        var outcome = SimRunner.Run(seed);
        Assert.True(outcome.Passed, outcome.ToString());
    }
}
