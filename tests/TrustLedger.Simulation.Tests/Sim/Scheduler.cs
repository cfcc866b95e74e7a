namespace TrustLedger.Simulation.Tests.Sim;

/// <summary>Virtual time in milliseconds and a queue of events, ordered by time then by scheduling order.</summary>
internal sealed class Scheduler
{
    private readonly PriorityQueue<Action, (long Time, long Seq)> _queue = new();
    private long _seq;

    public long Now { get; private set; }
    public long Executed { get; private set; }

    public void At(long time, Action action) => _queue.Enqueue(action, (Math.Max(time, Now), _seq++));

    public void After(long delay, Action action) => At(Now + delay, action);

    /// <summary>Runs the next event if it is due no later than <paramref name="until"/>.</summary>
    public bool RunNext(long until)
    {
        if (!_queue.TryPeek(out _, out var when) || when.Time > until) return false;
        var action = _queue.Dequeue();
        Now = when.Time;
        Executed++;
        action();
        return true;
    }
}
