namespace TrustLedger.Node.Grains.Watch;

/// <summary>
/// Knows which live views are watched and which entities each listens to, so a committed block reaches only the views
/// it changed. One per node cluster (key 0); live views re-register periodically, so a lost directory heals.
/// </summary>
[Alias("tl.watch.IWatchDirectoryGrain")]
public interface IWatchDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Sets the entities <paramref name="view"/> listens to, replacing its previous registration; none withdraws it.</summary>
    Task Register(GrainId view, IReadOnlyList<WatchTopic> topics);

    /// <summary>Tells every view listening to a changed entity (every view, if the batch overflowed) to re-read.</summary>
    Task Dispatch(ChangeBatch batch);
}
