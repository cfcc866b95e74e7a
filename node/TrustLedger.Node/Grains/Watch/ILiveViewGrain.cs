using Orleans.Concurrency;

namespace TrustLedger.Node.Grains.Watch;

/// <summary>
/// A live view of one ledger entity, keyed by its id: it re-reads the entity from committed state when a block
/// changes it and pushes the change to its observers. Subscriptions expire unless renewed
/// (<see cref="LiveViewOptions.ObserverExpiry"/>), so a watcher that vanished without unsubscribing is forgotten.
/// </summary>
[Alias("tl.watch.ILiveViewGrain")]
public interface ILiveViewGrain : IGrainWithStringKey
{
    /// <summary>
    /// Subscribes or renews <paramref name="observer"/> and returns the current value as a snapshot, with the list
    /// entries after <paramref name="after"/> (null: the view's default backlog). If the entity does not exist the
    /// snapshot says so and the observer is not subscribed.
    /// </summary>
    Task<LiveViewUpdate> Subscribe(ILiveViewObserver observer, ulong? after);

    /// <summary>Renews a subscription; false if it had expired or was unknown (the watcher must subscribe again and resync).</summary>
    Task<bool> Renew(ILiveViewObserver observer);

    Task Unsubscribe(ILiveViewObserver observer);

    /// <summary>A block at <paramref name="height"/> changed the entity (or the directory lost track and every view re-reads).</summary>
    [OneWay]
    Task Changed(ulong height);
}

/// <summary>A case and its history, keyed by case id.</summary>
[Alias("tl.watch.ICaseGrain")]
public interface ICaseGrain : ILiveViewGrain;

/// <summary>The cases waiting on a department, keyed by organisation id.</summary>
[Alias("tl.watch.IDepartmentInboxGrain")]
public interface IDepartmentInboxGrain : ILiveViewGrain;

/// <summary>A data-sharing grant and its access receipts, keyed by grant id.</summary>
[Alias("tl.watch.IGrantGrain")]
public interface IGrantGrain : ILiveViewGrain;

/// <summary>A resident's points account, keyed by address (40 lower-case hex digits).</summary>
[Alias("tl.watch.IPointsAccountGrain")]
public interface IPointsAccountGrain : ILiveViewGrain;
