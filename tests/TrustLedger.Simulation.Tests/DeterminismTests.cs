using TrustLedger.Simulation.Tests.Sim;

namespace TrustLedger.Simulation.Tests;

/// <summary>A seed is a complete description of a run: replaying it reproduces every decision and every send.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void The_same_seed_replays_the_same_run()
    {
        foreach (var seed in new[] { 3, 17, 208, 4242, 99_991 })
        {
            var first = SimRunner.Run(seed);
            var second = SimRunner.Run(seed);
            Assert.Equal((first.Fingerprint, first.Events, first.VirtualMs, first.Decisions), (second.Fingerprint, second.Events, second.VirtualMs, second.Decisions));
        }
    }

    [Fact]
    public void Different_seeds_explore_different_runs()
    {
        var fingerprints = Enumerable.Range(1, 50).Select(seed => SimRunner.Run(seed).Fingerprint).ToHashSet();
        Assert.True(fingerprints.Count >= 49);
    }
}
