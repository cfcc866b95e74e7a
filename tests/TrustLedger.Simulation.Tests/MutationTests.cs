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
        FirstFailure(new SimOptions { DisableLocking = true }, "SAFETY", knownSeed: 1294);

    [Fact]
    public void Dropping_the_wal_lets_the_checker_catch_a_restarted_node_double_signing() =>
        FirstFailure(new SimOptions { SkipWal = true }, "DOUBLE SIGN", knownSeed: 2);

    /// <summary>Tries the seed known to fail under this mutation, then searches (the generator may have changed).</summary>
    private void FirstFailure(SimOptions options, string expected, int knownSeed)
    {
        var known = SimRunner.Run(knownSeed, options);
        if (known.Failure?.Contains(expected) == true)
        {
            output.WriteLine(known.ToString());
            return;
        }
        const int limit = 10_000, batch = 256;
        for (var start = 1; start <= limit; start += batch)
        {
            var hit = Enumerable.Range(start, batch).AsParallel().AsOrdered()
                .Select(seed => SimRunner.Run(seed, options))
                .FirstOrDefault(o => o.Failure?.Contains(expected) == true);
            if (hit is null) continue;
            output.WriteLine($"first {expected} at seed {hit.Seed}:\n{hit}");
            return;
        }
        Assert.Fail($"no {expected} failure in {limit} mutated seeds: the checker may be blind");
    }
}
