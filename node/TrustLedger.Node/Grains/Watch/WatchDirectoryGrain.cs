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

    public Task Register(GrainId view, IReadOnlyList<WatchTopic> topics)
    {
        if (_topicsOf.Remove(view, out var previous))
            foreach (var topic in previous)
                if (_routes.TryGetValue(topic, out var views) && views.Remove(view) && views.Count == 0)
                    _routes.Remove(topic);
        if (topics.Count == 0) return Task.CompletedTask;
        _topicsOf[view] = topics;
        foreach (var topic in topics)
        {
            if (!_routes.TryGetValue(topic, out var views)) _routes[topic] = views = [];
            views.Add(view);
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
        }
        foreach (var topic in batch.Changed)
            if (_routes.TryGetValue(topic, out var views))
                targets.UnionWith(views);
        foreach (var view in targets)
            GrainFactory.GetGrain<ILiveViewGrain>(view).Changed(batch.Height).Ignore();
        return Task.CompletedTask;
    }
}
