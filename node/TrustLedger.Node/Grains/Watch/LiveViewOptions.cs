namespace TrustLedger.Node.Grains.Watch;

/// <summary>Limits of live views (configuration section <c>Watch</c>).</summary>
public sealed class LiveViewOptions
{
    public const string Section = "Watch";

    /// <summary>
    /// DI key of the <see cref="TimeProvider"/> live views judge derived fields by and time subscriptions out with (the
    /// system clock unless a test swaps it).
    /// </summary>
    public const string ClockKey = "trustledger.live-views";

    /// <summary>A subscription not renewed for this long is dropped by the grain.</summary>
    public TimeSpan ObserverExpiry { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a watching stream renews its subscription (well inside <see cref="ObserverExpiry"/>).</summary>
    public TimeSpan RenewEvery { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Updates buffered per watching stream; beyond it they are dropped and the watcher resyncs from a snapshot.</summary>
    public int WatcherBuffer { get; set; } = 64;

    /// <summary>Committed blocks the dispatcher may queue before it stops tracking changes and makes every view re-read.</summary>
    public int DispatchBacklog { get; set; } = 1024;

    /// <summary>Watch streams one caller (organisation, else key) may hold open on this node at once.</summary>
    public int MaxStreamsPerCaller { get; set; } = 32;

    /// <summary>List entries (history, receipts) a snapshot carries at most; older ones are read with the Query service.</summary>
    public int MaxSnapshotEntries { get; set; } = 1000;
}
