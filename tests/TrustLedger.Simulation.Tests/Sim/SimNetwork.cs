namespace TrustLedger.Simulation.Tests.Sim;

/// <summary>
/// The simulated network: per-message drop, delay (so reordering), duplication and occasional very late delivery;
/// partitions into groups. All randomness from the simulation's seeded generator.
/// </summary>
internal sealed class SimNetwork(Scheduler scheduler, Random random)
{
    private int[]? _groups;

    public IReadOnlyList<SimNode> Nodes { get; set; } = [];
    public double DropRate { get; set; }
    public double DuplicateRate { get; set; }
    public double LateRate { get; set; }
    public int MaxDelayMs { get; set; } = 20;
    public long Delivered { get; private set; }

    /// <summary>Splits the nodes into groups that cannot reach each other (messages already in flight still arrive).</summary>
    public void Partition(int[] groupOfNode) => _groups = groupOfNode;

    public void Heal() => _groups = null;

    public bool Connected(int from, int to) => _groups is null || _groups[from] == _groups[to];

    public void Broadcast(int from, Envelope envelope)
    {
        for (var to = 0; to < Nodes.Count; to++)
            if (to != from) Send(from, to, envelope);
    }

    public void Send(int from, int to, Envelope envelope)
    {
        if (!Connected(from, to) || random.NextDouble() < DropRate) return;
        var copies = random.NextDouble() < DuplicateRate ? 2 : 1;
        for (var i = 0; i < copies; i++)
        {
            long delay = 1 + random.Next(MaxDelayMs);
            if (random.NextDouble() < LateRate) delay += random.Next(3000);
            var target = Nodes[to];
            scheduler.After(delay, () =>
            {
                Delivered++;
                target.Receive(from, envelope);
            });
        }
    }
}
