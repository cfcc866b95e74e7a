using Google.Protobuf;
using Microsoft.Extensions.Options;
using Orleans.Utilities;
using TrustLedger.Node.Grains.Watch.Views;
using TrustLedger.Proto.Api.V1;

namespace TrustLedger.Node.Grains.Watch;

/// <summary>
/// A thin mailbox around a pure <see cref="LiveView"/>: on <see cref="Changed"/> it re-reads the entity from durable
/// state and pushes what changed to its observers (one-way: a slow or dead watcher costs it nothing). It listens
/// through the <see cref="IWatchDirectoryGrain"/> only while someone watches, and deactivates when nobody does. Derived
/// fields are judged at the time a transaction submitted now would see (like the Query service), and a one-shot timer
/// re-reads the view when one of them is due to change (a deadline, an expiry), whether or not a block comes.
/// </summary>
public abstract class LiveViewGrain : Grain, ILiveViewGrain
{
    // A registration made after a read can miss a block committed in between; re-read until the head stands still.
    private const int MaxCatchUpReads = 4;

    private readonly ICommittedStateReader _reader;
    private readonly LiveViewOptions _options;
    private readonly TimeProvider _clock;
    private readonly ObserverManager<ILiveViewObserver> _observers;
    private readonly Guid _epoch = Guid.NewGuid();
    private LiveView _view = null!;
    private ulong _sequence;
    private ulong _height;
    private IReadOnlyList<WatchTopic>? _registeredTopics;
    private IGrainTimer? _wakeTimer;
    private long _wakeAtMs = long.MaxValue;

    protected LiveViewGrain(ICommittedStateReader reader, IOptions<LiveViewOptions> options, TimeProvider time, ILogger logger)
    {
        _reader = reader;
        _options = options.Value;
        _clock = time;
        _observers = new ObserverManager<ILiveViewObserver>(_options.ObserverExpiry, logger) { GetDateTime = () => time.GetUtcNow().UtcDateTime };
    }

    /// <summary>The pure view of the entity this grain is keyed by.</summary>
    protected abstract LiveView CreateView(string id, LiveViewOptions options);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _view = CreateView(this.GetPrimaryKeyString(), _options);
        var period = _options.ObserverExpiry / 2;
        this.RegisterGrainTimer(OnTimer, new GrainTimerCreationOptions(period, period) { KeepAlive = false });
        _wakeTimer = this.RegisterGrainTimer(OnWake, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { KeepAlive = false });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_registeredTopics is not null) await Withdraw();
    }

    public async Task<LiveViewUpdate> Subscribe(ILiveViewObserver observer, ulong? after)
    {
        // Listen before reading: a block committed in between is then in the read, or notified after it.
        if (_registeredTopics is null) await Register([_view.Topic]);
        var (change, snapshot, exists, stamp) = await _reader.ReadAsync((state, head) =>
        {
            var stamp = Stamp(head);
            var change = _view.Refresh(state, stamp);
            var exists = _view.Exists(state);
            return (change, exists ? _view.Snapshot(state, stamp, after) : null, exists, stamp);
        });
        // Watchers already here get the change first, so the snapshot and every later update line up for all.
        Publish(change, stamp);
        if (!exists)
        {
            if (_observers.Count == 0) await Retire();
            return new LiveViewUpdate(_epoch, _sequence, stamp.Height, false, 0, []);
        }
        _observers.Subscribe(observer, observer);
        await FollowView();
        return new LiveViewUpdate(_epoch, _sequence, stamp.Height, true, _view.Cursor, snapshot!.ToByteArray());
    }

    public Task<bool> Renew(ILiveViewObserver observer)
    {
        _observers.ClearExpired();
        if (!_observers.Observers.ContainsKey(observer)) return Task.FromResult(false);
        _observers.Subscribe(observer, observer);
        return Task.FromResult(true);
    }

    public async Task Unsubscribe(ILiveViewObserver observer)
    {
        _observers.Unsubscribe(observer);
        if (_observers.Count == 0) await Retire();
    }

    public async Task Changed(ulong height)
    {
        if (height <= _height) return; // already read at or after that block
        _observers.ClearExpired();
        if (_observers.Count == 0)
        {
            await Retire();
            return;
        }
        await Refresh();
        await FollowView();
    }

    private async Task Refresh()
    {
        var (change, stamp) = await _reader.ReadAsync((state, head) =>
        {
            var stamp = Stamp(head);
            return (_view.Refresh(state, stamp), stamp);
        });
        Publish(change, stamp);
    }

    private void Publish(IMessage? change, ViewStamp stamp)
    {
        _height = Math.Max(_height, stamp.Height);
        if (change is null) return;
        _sequence++;
        var update = new LiveViewUpdate(_epoch, _sequence, stamp.Height, true, _view.Cursor, change.ToByteArray());
        _observers.Notify(observer => observer.OnUpdate(update).Ignore());
    }

    /// <summary>
    /// Keeps the directory registration in step with what the view listens to (catching up on blocks it may have missed
    /// meanwhile), and the wake-up timer with the moment its value next changes by time alone.
    /// </summary>
    private async Task FollowView()
    {
        for (var i = 0; i < MaxCatchUpReads; i++)
        {
            if (_registeredTopics is not null && _registeredTopics.SequenceEqual(_view.Topics)) break;
            await Register(_view.Topics);
            if (_reader.Height <= _height) break;
            await Refresh();
        }
        if (_view.WakeAtMs == _wakeAtMs) return;
        _wakeAtMs = _view.WakeAtMs;
        var due = _wakeAtMs == long.MaxValue
            ? Timeout.InfiniteTimeSpan
            : TimeSpan.FromMilliseconds(Math.Max(0, _wakeAtMs - _clock.GetUtcNow().ToUnixTimeMilliseconds()));
        _wakeTimer?.Change(due, Timeout.InfiniteTimeSpan);
    }

    private async Task OnWake(CancellationToken cancellation)
    {
        _wakeAtMs = long.MaxValue; // the timer is spent; FollowView sets it again
        if (_observers.Count == 0) return;
        await Refresh();
        await FollowView();
    }

    private async Task OnTimer(CancellationToken cancellation)
    {
        _observers.ClearExpired();
        if (_observers.Count == 0)
        {
            await Retire();
            return;
        }
        await Register(_view.Topics); // heals a directory that lost its registrations
    }

    // Withdraws even when this activation never registered: a stale registration of an earlier one may have woken it.
    private async Task Retire()
    {
        await Withdraw();
        DeactivateOnIdle();
    }

    private async Task Register(IReadOnlyList<WatchTopic> topics)
    {
        await Directory.Register(this.GetGrainId(), topics);
        _registeredTopics = topics;
    }

    private async Task Withdraw()
    {
        await Directory.Register(this.GetGrainId(), []);
        _registeredTopics = null;
    }

    private IWatchDirectoryGrain Directory => GrainFactory.GetGrain<IWatchDirectoryGrain>(WatchDirectoryGrain.Id);

    // Judged as a transaction submitted now would see it: the next block's time is at least the head's plus 1 ms.
    private ViewStamp Stamp(CommittedHead head) => new()
    {
        Height = head.Height,
        BlockTimeMs = head.BlockTimeMs,
        JudgedAtMs = Math.Max(_clock.GetUtcNow().ToUnixTimeMilliseconds(), head.BlockTimeMs + 1),
    };
}
