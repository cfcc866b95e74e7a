using Google.Protobuf;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Proto.Api.V1;

namespace TrustLedger.Node.Grains.Watch.Views;

/// <summary>
/// The pure part of a live view: reads one entity from committed state and works out what a watcher sees change.
/// No I/O and no Orleans; owned by one grain activation, so not thread-safe.
/// </summary>
public abstract class LiveView(WatchTopic topic, int maxEntries)
{
    public WatchTopic Topic { get; } = topic;

    /// <summary>List entries (history, receipts) a snapshot carries at most.</summary>
    protected int MaxEntries { get; } = maxEntries;

    /// <summary>What the view listens to after the last read: its own entity and, for an inbox, the cases in it.</summary>
    public virtual IReadOnlyList<WatchTopic> Topics => [Topic];

    /// <summary>When a derived field of the last value changes by time alone (a deadline, an expiry), in Unix ms; <see cref="long.MaxValue"/>: never.</summary>
    public long WakeAtMs { get; protected set; } = long.MaxValue;

    /// <summary>List entries reported up to the last read: the <c>after</c> a watcher holding the last update resumes from.</summary>
    public ulong Cursor { get; protected set; }

    /// <summary>False if the entity does not exist in <paramref name="state"/>: watching it is NOT_FOUND.</summary>
    public abstract bool Exists(IStateStore state);

    /// <summary>
    /// Reads the entity and returns the update since the previous read, or null if nothing a watcher sees changed.
    /// The first read only sets the baseline (there is nobody to tell yet) and returns null.
    /// </summary>
    public abstract IMessage? Refresh(IStateStore state, ViewStamp stamp);

    /// <summary>
    /// The whole value with the list entries after <paramref name="after"/> (null: the view's default backlog), at
    /// most <see cref="MaxEntries"/> of the newest. Read it from the same state as the <see cref="Refresh"/> before it.
    /// </summary>
    public abstract IMessage Snapshot(IStateStore state, ViewStamp stamp, ulong? after);

    /// <summary>Positions of the list entries after <paramref name="after"/> up to <paramref name="count"/>, capped at the newest <see cref="MaxEntries"/>.</summary>
    protected (ulong From, int Limit) Window(ulong after, ulong count)
    {
        if (after >= count) return (count + 1, 0);
        var from = Math.Max(after + 1, count >= (ulong)MaxEntries ? count - (ulong)MaxEntries + 1 : 1);
        return (from, (int)(count - from + 1));
    }

    protected static ViewStamp AsSnapshot(ViewStamp stamp) => new(stamp) { Snapshot = true };
}
