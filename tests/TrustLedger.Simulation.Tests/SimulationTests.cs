using System.Diagnostics;
using TrustLedger.Simulation.Tests.Sim;
using Xunit.Abstractions;

namespace TrustLedger.Simulation.Tests;

/// <summary>
/// The main test of consensus: many seeded runs of the real core under faults. Environment:
/// <c>TL_SIM_SEEDS</c> (how many, default 5000), <c>TL_SIM_FIRST_SEED</c> (default 1), <c>TL_SIM_SEED</c> (replay exactly one).
/// </summary>
public sealed class SimulationTests(ITestOutputHelper output)
{
    private const string Filter = "FullyQualifiedName~TrustLedger.Simulation.Tests.SimulationTests.Many_seeds";

    internal static string ReplayCommand(int seed) =>
        $"TL_SIM_SEED={seed} dotnet test tests/TrustLedger.Simulation.Tests -c Release --filter \"{Filter}\" --logger \"console;verbosity=detailed\"";

    [Fact]
    public void Many_seeds_keep_safety_and_recover_liveness()
    {
        var seeds = SeedsFromEnvironment();
        var clock = Stopwatch.StartNew();
        var outcomes = new SimOutcome[seeds.Length];
        var options = new SimOptions { Trace = Environment.GetEnvironmentVariable("TL_SIM_TRACE") == "1" };
        Parallel.For(0, seeds.Length, i => outcomes[i] = SimRunner.Run(seeds[i], options));
        clock.Stop();

        var failures = outcomes.Where(o => !o.Passed).ToList();
        output.WriteLine($"{seeds.Length} seeds in {clock.Elapsed.TotalSeconds:F1}s ({seeds.Length / clock.Elapsed.TotalSeconds:F0} seeds/s); " +
                         $"{outcomes.Sum(o => o.Decisions)} decisions, {outcomes.Sum(o => o.Evidence)} evidence, " +
                         $"{outcomes.Sum(o => o.Restarts)} boots, {outcomes.Sum(o => o.Events)} events");
        if (seeds.Length == 1 || Environment.GetEnvironmentVariable("TL_SIM_VERBOSE") == "1")
            foreach (var o in outcomes) output.WriteLine(o.ToString());
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5).Select(f => $"{f}\n  replay: {ReplayCommand(f.Seed)}")));
    }

    private static int[] SeedsFromEnvironment()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("TL_SIM_SEED"), out var one)) return [one];
        var count = int.TryParse(Environment.GetEnvironmentVariable("TL_SIM_SEEDS"), out var n) ? n : 5000;
        var first = int.TryParse(Environment.GetEnvironmentVariable("TL_SIM_FIRST_SEED"), out var f) ? f : 1;
        return Enumerable.Range(first, count).ToArray();
    }
}
