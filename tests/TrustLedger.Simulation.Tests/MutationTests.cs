using TrustLedger.Simulation.Tests.Sim;
using Xunit.Abstractions;

namespace TrustLedger.Simulation.Tests;

/// <summary>
/// The checkers must be able to fail. Test-only mutations of the real core: without locking some seed must make two
/// honest nodes decide differently; without the WAL some restarted node must sign a conflicting vote.
/// </summary>
public sealed class MutationTests(ITestOutputHelper output)
{
    [Fact]
    public void Disabling_locking_lets_the_safety_checker_find_a_fork() =>
        FirstFailure(new SimOptions { DisableLocking = true }, "SAFETY");

    [Fact]
    public void Dropping_the_wal_lets_the_checker_catch_a_restarted_node_double_signing() =>
        FirstFailure(new SimOptions { SkipWal = true }, "DOUBLE SIGN");

    private void FirstFailure(SimOptions options, string expected)
    {
        foreach (var seed in Enumerable.Range(1, 5_000))
        {
            var outcome = SimRunner.Run(seed, options);
            if (outcome.Failure?.Contains(expected) != true) continue;
            output.WriteLine($"first {expected} after {seed} seeds:\n{outcome}");
            return;
        }
        Assert.Fail($"no {expected} failure in 5000 mutated seeds: the checker may be blind");
    }
}
