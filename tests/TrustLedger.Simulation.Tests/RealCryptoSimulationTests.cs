using TrustLedger.Protocol.Crypto;
using TrustLedger.Simulation.Tests.Sim;

namespace TrustLedger.Simulation.Tests;

/// <summary>A few seeds with the real suites, so the signature path the network uses is the one simulated.</summary>
public sealed class RealCryptoSimulationTests
{
    [Theory]
    [InlineData("eth")]
    [InlineData("sm")]
    public void Seeds_pass_with_the_real_suite(string suite)
    {
        var options = new SimOptions { Suite = CryptoSuites.Get(suite) };
        var failures = Enumerable.Range(1, 8).AsParallel().Select(seed => SimRunner.Run(seed, options)).Where(o => !o.Passed).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
