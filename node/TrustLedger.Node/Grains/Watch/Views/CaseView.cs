using Google.Protobuf;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Handovers;
using TrustLedger.Contracts.Messages;
using TrustLedger.Proto.Api.V1;

namespace TrustLedger.Node.Grains.Watch.Views;

/// <summary>A case (<c>c/case/{id}</c>) with the history entries appended since the last update.</summary>
public sealed class CaseView(string caseId, int maxEntries) : LiveView(new WatchTopic(WatchKind.Case, caseId), maxEntries)
{
    private ByteString? _last;
    private bool _lastOverdue;

    public override bool Exists(IStateStore state) => HandoverState.GetCase(state, Topic.Id) is not null;

    public override IMessage? Refresh(IStateStore state, ViewStamp stamp)
    {
        if (HandoverState.GetCase(state, Topic.Id) is not { } value) return null;
        var overdue = IsOverdue(value, stamp.JudgedAtMs);
        WakeAtMs = IsWaiting(value) && !overdue ? value.DeadlineMs + 1 : long.MaxValue;
        var bytes = value.ToByteString();
        var first = _last is null;
        var changed = !first && (!bytes.Equals(_last) || overdue != _lastOverdue);
        (_last, _lastOverdue) = (bytes, overdue);
        if (first)
        {
            Cursor = value.HistoryCount;
            return null;
        }
        if (!changed) return null;
        var update = new CaseUpdate { Stamp = stamp, Value = value, Overdue = overdue };
        update.Events.AddRange(Events(state, Cursor, value.HistoryCount));
        Cursor = value.HistoryCount;
        return update;
    }

    public override IMessage Snapshot(IStateStore state, ViewStamp stamp, ulong? after)
    {
        var value = HandoverState.GetCase(state, Topic.Id);
        var update = new CaseUpdate { Stamp = AsSnapshot(stamp) };
        if (value is null) return update;
        update.Value = value;
        update.Overdue = IsOverdue(value, stamp.JudgedAtMs);
        update.Events.AddRange(Events(state, after ?? 0, value.HistoryCount));
        return update;
    }

    /// <summary>Waiting on its department with the deadline passed at <paramref name="timeMs"/>: <c>case.escalate</c> would be accepted.</summary>
    public static bool IsOverdue(Case value, long timeMs) => IsWaiting(value) && timeMs > value.DeadlineMs;

    private static bool IsWaiting(Case value) => value.State is CaseState.HandedOver or CaseState.Accepted;

    private IReadOnlyList<CaseEvent> Events(IStateStore state, ulong after, ulong count)
    {
        var (from, limit) = Window(after, count);
        return limit == 0 ? [] : HandoverState.History(Topic.Id).Read(state, CaseEvent.Parser, from, limit);
    }
}
