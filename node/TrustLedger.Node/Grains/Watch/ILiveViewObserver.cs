using Orleans.Concurrency;

namespace TrustLedger.Node.Grains.Watch;

/// <summary>A watcher of a live view. One-way: a grain never waits for a watcher, slow or gone.</summary>
[Alias("tl.watch.ILiveViewObserver")]
public interface ILiveViewObserver : IGrainObserver
{
    [OneWay]
    Task OnUpdate(LiveViewUpdate update);
}
