using Google.Protobuf;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Handovers;
using TrustLedger.Contracts.Membership;
using TrustLedger.Contracts.Messages;
using TrustLedger.Proto.Api.V1;

namespace TrustLedger.Node.Grains.Watch.Views;

/// <summary>
/// The cases waiting on a department (<c>c/inbox/{department}</c>). Updates carry only the cases that entered or
/// changed and the ids that left; the view listens to every case in the inbox, so an acceptance or an escalation (which
/// leave the inbox set itself untouched) reaches the department too.
/// </summary>
public sealed class DepartmentInboxView(string department, int maxEntries)
    : LiveView(new WatchTopic(WatchKind.DepartmentInbox, department), maxEntries)
{
    private Dictionary<string, ByteString>? _last;
    private uint _lastOverdue;
    private IReadOnlyList<WatchTopic> _topics = [new WatchTopic(WatchKind.DepartmentInbox, department)];

    public override IReadOnlyList<WatchTopic> Topics => _topics;

    public override bool Exists(IStateStore state) => MembershipState.GetOrganisation(state, Topic.Id) is not null;

    public override IMessage? Refresh(IStateStore state, ViewStamp stamp)
    {
        var cases = HandoverQueries.Inbox(state, Topic.Id);
        var overdue = Overdue(cases, stamp.JudgedAtMs);
        WakeAtMs = cases.Where(c => !CaseView.IsOverdue(c, stamp.JudgedAtMs)).Select(c => c.DeadlineMs + 1).DefaultIfEmpty(long.MaxValue).Min();
        _topics = [Topic, .. cases.Select(c => new WatchTopic(WatchKind.Case, c.Id))];
        var current = cases.ToDictionary(c => c.Id, c => c.ToByteString(), StringComparer.Ordinal);
        var (previous, previousOverdue) = (_last, _lastOverdue);
        (_last, _lastOverdue) = (current, overdue);
        if (previous is null) return null;

        var update = new InboxUpdate { Stamp = stamp, Department = Topic.Id, Waiting = (uint)cases.Count, Overdue = overdue };
        update.Cases.AddRange(cases.Where(c => !previous.TryGetValue(c.Id, out var before) || !before.Equals(current[c.Id])));
        update.Removed.AddRange(previous.Keys.Where(id => !current.ContainsKey(id)).Order(StringComparer.Ordinal));
        return update.Cases.Count > 0 || update.Removed.Count > 0 || overdue != previousOverdue ? update : null;
    }

    public override IMessage Snapshot(IStateStore state, ViewStamp stamp, ulong? after)
    {
        var cases = HandoverQueries.Inbox(state, Topic.Id);
        var update = new InboxUpdate
        {
            Stamp = AsSnapshot(stamp),
            Department = Topic.Id,
            Waiting = (uint)cases.Count,
            Overdue = Overdue(cases, stamp.JudgedAtMs),
        };
        update.Cases.AddRange(cases);
        return update;
    }

    private static uint Overdue(IReadOnlyList<Case> cases, long timeMs) => (uint)cases.Count(c => CaseView.IsOverdue(c, timeMs));
}
