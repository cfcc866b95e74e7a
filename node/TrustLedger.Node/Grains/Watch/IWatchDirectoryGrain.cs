namespace TrustLedger.Node.Grains.Watch;

/// <summary>
/// Knows which live views are watched and what each listens to, so a committed block reaches only the views it
/// changed. One per node cluster (key 0); live views re-register periodically, so a lost directory heals.
/// </summary>
[Alias("tl.watch.IWatchDirectoryGrain")]
public interface IWatchDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Sets what <paramref name="view"/> listens to, replacing its previous registration: changes to any of
    /// <paramref name="topics"/>, and the first block whose time reaches <paramref name="wakeAtMs"/>
    /// (<see cref="long.MaxValue"/>: none). No topics and no wake-up withdraws the view.
    /// </summary>
    Task Register(GrainId view, IReadOnlyList<WatchTopic> topics, long wakeAtMs);

    /// <summary>Tells every view listening to a changed topic, or waiting for the batch's block time, to re-read.</summary>
    Task Dispatch(ChangeBatch batch);
}
