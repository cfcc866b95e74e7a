namespace TrustLedger.Simulation.Tests.Sim;

/// <summary>
/// One deterministic run. Phase 1 (chaos, until the scenario's heal time): drops, delays, duplicates, late
/// deliveries, partitions, crashes (planned, and torn right after a WAL write) and Byzantine validators; safety is
/// checked on every event. Phase 2 (healed): partitions gone, no drops, every honest node up, Byzantine nodes still
/// active; every honest node must decide <see cref="SimOptions.LivenessHeights"/> more heights within the bound.
/// </summary>
internal static class SimRunner
{
    public static SimOutcome Run(int seed, SimOptions? options = null)
    {
        try
        {
            return RunUnguarded(seed, options);
        }
        catch (Exception e)
        {
            return new SimOutcome(seed, Scenario.Generate(seed, new Random(seed)), $"EXCEPTION: {e}", 0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    private static SimOutcome RunUnguarded(int seed, SimOptions? options)
    {
        options ??= new SimOptions();
        var random = new Random(seed);
        var scenario = Scenario.Generate(seed, random);
        var world = new World(scenario, options, random) { Trace = options.Trace ? new List<string>() : null };
        var nodes = Enumerable.Range(0, scenario.N)
            .Select(i => scenario.Byzantine.TryGetValue(i, out var traits) ? (SimNode)new ByzantineNode(world, i, traits) : new HonestNode(world, i))
            .ToArray();
        var honest = nodes.OfType<HonestNode>().ToArray();
        world.Network.Nodes = nodes;
        world.Network.DropRate = scenario.DropRate;
        world.Network.DuplicateRate = scenario.DuplicateRate;
        world.Network.LateRate = scenario.LateRate;
        world.Network.MaxDelayMs = scenario.MaxDelayMs;

        foreach (var node in nodes) world.Scheduler.At(random.Next(50), node.Boot);
        PlanPartitions(world, scenario);
        PlanCrashes(world, scenario, honest);

        ulong target = ulong.MaxValue;
        world.Scheduler.At(scenario.ChaosMs, () =>
        {
            world.Healed = true;
            world.Network.Heal();
            world.Network.DropRate = 0;
            world.Network.LateRate = 0;
            world.Network.MaxDelayMs = Math.Min(scenario.MaxDelayMs, 50);
            foreach (var node in honest.Where(n => !n.IsUp)) node.Boot();
            target = honest.Max(n => n.DecidedHeight) + (ulong)options.LivenessHeights;
        });

        var deadline = scenario.ChaosMs + options.LivenessBoundMs;
        while (world.Monitor.Failure is null && world.Scheduler.RunNext(deadline))
        {
            if (honest.All(n => n.DecidedHeight >= target)) break;
            if (world.Scheduler.Executed > options.MaxEvents) world.Monitor.Fail($"more than {options.MaxEvents} events: livelock?");
        }
        if (world.Monitor.Failure is null && !honest.All(n => n.DecidedHeight >= target))
            world.Monitor.Fail($"LIVENESS: {options.LivenessBoundMs}ms after healing, target height {target}:\n    " +
                               string.Join("\n    ", honest.Select(n => n.ToString())));

        if (world.Trace is not null) File.WriteAllLines(Path.Combine(Path.GetTempPath(), $"tl-sim-{seed}.log"), world.Trace);
        return new SimOutcome(seed, scenario, world.Monitor.Failure, world.Scheduler.Now, world.Scheduler.Executed, world.Network.Delivered,
            honest.Length == 0 ? 0 : honest.Min(n => n.DecidedHeight), world.Monitor.Decisions, world.Monitor.Evidence, honest.Sum(n => n.Restarts), world.Monitor.Fingerprint);
    }

    /// <summary>Crashes an honest node now and restarts it (replaying its WAL) after <paramref name="downMs"/>, or at healing.</summary>
    public static void CrashFor(World world, HonestNode node, long downMs)
    {
        if (!node.IsUp) return;
        node.Crash();
        var restartAt = Math.Min(world.Scheduler.Now + downMs, world.Scenario.ChaosMs);
        world.Scheduler.At(restartAt, () =>
        {
            if (!node.IsUp) node.Boot();
        });
    }

    private static void PlanPartitions(World world, Scenario scenario)
    {
        for (var i = 0; i < scenario.Partitions; i++)
        {
            var start = world.Random.NextInt64(scenario.ChaosMs);
            var end = Math.Min(start + 200 + world.Random.Next(3_000), scenario.ChaosMs);
            var groups = Enumerable.Range(0, scenario.N).Select(_ => world.Random.Next(2)).ToArray();
            world.Scheduler.At(start, () => world.Network.Partition(groups));
            world.Scheduler.At(end, () => world.Network.Heal());
        }
    }

    private static void PlanCrashes(World world, Scenario scenario, HonestNode[] honest)
    {
        if (honest.Length == 0) return;
        for (var i = 0; i < scenario.Crashes; i++)
        {
            var node = honest[world.Random.Next(honest.Length)];
            var at = world.Random.NextInt64(scenario.ChaosMs);
            var down = 50 + world.Random.Next(2_000);
            world.Scheduler.At(at, () => CrashFor(world, node, down));
        }
    }
}
