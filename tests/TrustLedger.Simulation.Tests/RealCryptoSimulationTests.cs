using TrustLedger.Protocol.Crypto;
using TrustLedger.Simulation.Tests.Sim;

namespace TrustLedger.Simulation.Tests;

/// <summary>A few seeds with the real suites, so the signature path the network uses is the one simulated.</summary>
public sealed class RealCryptoSimulationTests
{
    [Theory]
    [InlineData("eth", 8)]
    [InlineData("sm", 4)] // SM2 signing is the slow one
    public void Seeds_pass_with_the_real_suite(string suite, int seeds)
    {
        var options = new SimOptions { Suite = CryptoSuites.Get(suite) };
        // Real signatures are slow: take the first seeds whose scenario is a 4-validator network with short chaos.
        var chosen = Enumerable.Range(1, 1_000).Where(seed => Scenario.Generate(seed, new Random(seed)) is { N: 4, ChaosMs: < 5_000 }).Take(seeds);
        var failures = chosen.AsParallel().Select(seed => SimRunner.Run(seed, options)).Where(o => !o.Passed).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
