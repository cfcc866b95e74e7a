using System.Threading.Channels;
using TrustLedger.Node.Grains.Watch;

namespace TrustLedger.Node.Services.Watch;

/// <summary>
/// The watching end of one stream: takes pushes from a live-view grain into a bounded buffer and never blocks the
/// sender. When the buffer is full the push is dropped and <see cref="TakeDropped"/> says so; the stream then resyncs.
/// </summary>
public sealed class ChannelObserver : ILiveViewObserver
{
    private readonly Channel<LiveViewUpdate> _updates;
    private int _dropped;

    public ChannelObserver(int capacity)
    {
        _updates = Channel.CreateBounded<LiveViewUpdate>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
            _ =>
            {
                Volatile.Write(ref _dropped, 1);
                Dropped?.Invoke();
            });
    }

    /// <summary>Raised on the pushing thread each time a push is dropped because the buffer is full.</summary>
    public event Action? Dropped;

    public ChannelReader<LiveViewUpdate> Updates => _updates.Reader;

    /// <summary>True if a push was dropped since the last call.</summary>
    public bool TakeDropped() => Interlocked.Exchange(ref _dropped, 0) == 1;

    public Task OnUpdate(LiveViewUpdate update)
    {
        _updates.Writer.TryWrite(update);
        return Task.CompletedTask;
    }
}
