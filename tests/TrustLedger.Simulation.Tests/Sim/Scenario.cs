namespace TrustLedger.Simulation.Tests.Sim;

/// <summary>Everything a seed decides about a run: sizes, faults and their timing. Printed with every failure.</summary>
internal sealed record Scenario(
    int Seed,
    long[] Powers,
    Dictionary<int, ByzantineTraits> Byzantine,
    long ChaosMs,
    double DropRate,
    double DuplicateRate,
    double LateRate,
    int MaxDelayMs,
    double TearCrashRate,
    int Partitions,
    int Crashes,
    int PendingEvery,
    int MaxBuildMs)
{
    public int N => Powers.Length;

    public static Scenario Generate(int seed, Random random)
    {
        var n = random.Next(20) switch { < 10 => 4, < 12 => 5, < 16 => 7, < 17 => 10, < 18 => 1, < 19 => 2, _ => 3 };
        var weighted = n > 1 && random.Next(5) == 0;
        var powers = Enumerable.Range(0, n).Select(_ => weighted ? 1L + random.Next(3) : 1L).ToArray();
        var byzantine = PickByzantine(random, powers);
        return new Scenario(
            seed,
            powers,
            byzantine,
            ChaosMs: 1_000 + random.Next(11_000),
            DropRate: random.Next(4) == 0 ? 0 : random.NextDouble() * 0.3,
            DuplicateRate: random.NextDouble() * 0.2,
            LateRate: random.NextDouble() * 0.03,
            MaxDelayMs: 5 + random.Next(250),
            TearCrashRate: random.Next(2) == 0 ? 0 : random.NextDouble() * 0.01,
            Partitions: random.Next(3) == 0 ? 0 : 1 + random.Next(3),
            Crashes: random.Next(3) == 0 ? 0 : 1 + random.Next(2 * n),
            PendingEvery: random.Next(3) == 0 ? 2 + random.Next(3) : 0,
            MaxBuildMs: random.Next(40));
    }

    /// <summary>Up to f Byzantine validators, by power: their power stays below a third of the total.</summary>
    private static Dictionary<int, ByzantineTraits> PickByzantine(Random random, long[] powers)
    {
        var total = powers.Sum();
        var order = Enumerable.Range(0, powers.Length).OrderBy(_ => random.Next()).ToArray();
        var wanted = random.Next(3) == 0 ? random.Next(powers.Length) : powers.Length; // often as many as allowed
        var chosen = new Dictionary<int, ByzantineTraits>();
        long power = 0;
        foreach (var index in order)
        {
            if (chosen.Count >= wanted || 3 * (power + powers[index]) >= total) continue;
            power += powers[index];
            chosen[index] = random.Next(8) == 0 ? ByzantineTraits.Silent : (ByzantineTraits)(2 * (1 + random.Next(31)));
        }
        return chosen;
    }

    public override string ToString()
    {
        var byz = Byzantine.Count == 0 ? "none" : string.Join(",", Byzantine.OrderBy(b => b.Key).Select(b => $"{b.Key}:{b.Value}"));
        return $"n={N} powers=[{string.Join(",", Powers)}] byzantine=[{byz}] chaos={ChaosMs}ms drop={DropRate:F2} dup={DuplicateRate:F2} " +
               $"late={LateRate:F3} delay≤{MaxDelayMs}ms tear={TearCrashRate:F4} partitions={Partitions} crashes={Crashes} " +
               $"pendingEvery={PendingEvery} build=5–{5 + MaxBuildMs}ms";
    }
}
