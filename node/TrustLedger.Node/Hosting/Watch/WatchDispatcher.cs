using System.Threading.Channels;
using Microsoft.Extensions.Options;
using TrustLedger.Node.Core.Chain;
using TrustLedger.Node.Grains.Watch;

namespace TrustLedger.Node.Hosting.Watch;

/// <summary>
/// Carries committed blocks to the live views, off the chain's turn. The chain grain's publish only queues the outcome
/// (never blocks); this loop maps changed state keys to entities and hands them to the <see cref="IWatchDirectoryGrain"/>,
/// coalescing whatever queued meanwhile into one batch. If the queue fills, the blocks that do not fit are not
/// tracked: the next batch is marked overflowed, and every watched view re-reads instead.
/// </summary>
public sealed class WatchDispatcher : BackgroundService
{
    private readonly Channel<Committed> _queue;
    private readonly IGrainFactory _grains;
    private readonly ILogger<WatchDispatcher> _logger;
    private int _overflowed;
    private Committed? _latest;

    public WatchDispatcher(CommitFeed feed, IGrainFactory grains, IOptions<LiveViewOptions> options, ILogger<WatchDispatcher> logger)
    {
        _grains = grains;
        _logger = logger;
        _queue = Channel.CreateBounded<Committed>(
            new BoundedChannelOptions(options.Value.DispatchBacklog) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
            _ => Interlocked.Exchange(ref _overflowed, 1));
        feed.AddListener(Post);
    }

    /// <summary>Queues a committed block; called on the chain's turn, so it only ever writes to the bounded queue.</summary>
    public void Post(CommitOutcome outcome)
    {
        if (outcome.Block is not { } block) return;
        var committed = new Committed(block.Height, outcome.ChangedKeys);
        Volatile.Write(ref _latest, committed); // even if the queue drops it, the next batch reaches this height
        _queue.Writer.TryWrite(committed);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var directory = _grains.GetGrain<IWatchDirectoryGrain>(WatchDirectoryGrain.Id);
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                var batch = Drain(reader);
                if (batch is null) continue;
                try
                {
                    await directory.Dispatch(batch);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // What this batch changed is lost to the views: make the next batch resync them all.
                    _logger.LogWarning(e, "Live-view dispatch of height {Height} failed; the next dispatch resyncs every view", batch.Height);
                    Interlocked.Exchange(ref _overflowed, 1);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Everything queued now, as one batch stamped with the newest committed block (null if the queue was empty).
    /// Views re-read current durable state, which is at least that new, so a block whose keys come in a later batch
    /// is never skipped by a view that has not read it.
    /// </summary>
    private ChangeBatch? Drain(ChannelReader<Committed> reader)
    {
        var keys = new List<byte[]>();
        var any = false;
        while (reader.TryRead(out var committed))
        {
            keys.AddRange(committed.ChangedKeys);
            any = true;
        }
        if (!any || Volatile.Read(ref _latest) is not { } latest) return null;
        var overflowed = Interlocked.Exchange(ref _overflowed, 0) == 1;
        return new ChangeBatch(latest.Height, WatchTopicMap.FromKeys(keys), overflowed);
    }

    /// <summary>What the dispatcher keeps of a committed block: not the block itself, only where it is and what it wrote.</summary>
    private sealed record Committed(ulong Height, IReadOnlyList<byte[]> ChangedKeys);
}
