namespace TrustLedger.Node.Grains.Watch;

/// <summary>
/// Routes committed changes to the live views that listen to them. Its turns are short and never wait on a view:
/// each notification is a one-way call. Kept alive, because live views register only when what they listen to
/// changes (and on their renewal timer), not on every block.
/// </summary>
[KeepAlive]
public sealed class WatchDirectoryGrain(ILogger<WatchDirectoryGrain> logger) : Grain, IWatchDirectoryGrain
{
    public const long Id = 0;

    private readonly Dictionary<WatchTopic, HashSet<GrainId>> _routes = [];
    private readonly Dictionary<GrainId, IReadOnlyList<WatchTopic>> _topicsOf = [];
    private readonly Dictionary<GrainId, long> _wakeOf = [];
    private readonly SortedSet<(long AtMs, GrainId View)> _wakes = new(WakeOrder.Instance);

    public Task Register(GrainId view, IReadOnlyList<WatchTopic> topics, long wakeAtMs)
    {
        if (_topicsOf.Remove(view, out var previous))
            foreach (var topic in previous)
                if (_routes.TryGetValue(topic, out var views) && views.Remove(view) && views.Count == 0)
                    _routes.Remove(topic);
        if (_wakeOf.Remove(view, out var previousWake)) _wakes.Remove((previousWake, view));

        if (topics.Count > 0)
        {
            _topicsOf[view] = topics;
            foreach (var topic in topics)
            {
                if (!_routes.TryGetValue(topic, out var views)) _routes[topic] = views = [];
                views.Add(view);
            }
        }
        if (wakeAtMs != long.MaxValue)
        {
            _wakeOf[view] = wakeAtMs;
            _wakes.Add((wakeAtMs, view));
        }
        return Task.CompletedTask;
    }

    public Task Dispatch(ChangeBatch batch)
    {
        var targets = new HashSet<GrainId>();
        if (batch.Overflowed)
        {
            logger.LogWarning("Live-view dispatch fell behind at height {Height}; every watched view re-reads", batch.Height);
            targets.UnionWith(_topicsOf.Keys);
            targets.UnionWith(_wakeOf.Keys);
        }
        foreach (var topic in batch.Changed)
            if (_routes.TryGetValue(topic, out var views))
                targets.UnionWith(views);
        while (_wakes.Count > 0 && _wakes.Min is var due && due.AtMs <= batch.BlockTimeMs)
        {
            _wakes.Remove(due);
            _wakeOf.Remove(due.View);
            targets.Add(due.View);
        }
        foreach (var view in targets)
            GrainFactory.GetGrain<ILiveViewGrain>(view).Changed(batch.Height).Ignore();
        return Task.CompletedTask;
    }

    private sealed class WakeOrder : IComparer<(long AtMs, GrainId View)>
    {
        public static readonly WakeOrder Instance = new();

        public int Compare((long AtMs, GrainId View) x, (long AtMs, GrainId View) y)
        {
            var byTime = x.AtMs.CompareTo(y.AtMs);
            return byTime != 0 ? byTime : x.View.CompareTo(y.View);
        }
    }
}
