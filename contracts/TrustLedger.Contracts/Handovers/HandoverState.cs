using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Messages;

namespace TrustLedger.Contracts.Handovers;

/// <summary>
/// Case state: <c>c/case/{id}</c> → <see cref="Case"/>; <c>c/hist/{id}</c> = list of <see cref="CaseEvent"/>;
/// <c>c/all</c> = list of case ids; sets <c>c/inbox/{department}</c> (cases waiting on that department:
/// handed over or accepted) and <c>c/hubq</c> (cases waiting on the hub: reported, returned, handled);
/// counters under <c>c/stat/</c> (see <see cref="HandoverStatistics"/>).
/// </summary>
public static class HandoverState
{
    public static readonly StateList All = new("c/all");
    public static readonly StateSet HubQueue = new("c/hubq");

    public static string CasePath(string id) => "c/case/" + id;
    public static StateList History(string caseId) => new("c/hist/" + caseId);
    public static StateSet Inbox(string department) => new("c/inbox/" + department);

    public static Case? GetCase(IStateStore state, string id) =>
        Ids.Normalise(id) is { } n ? ProtoState.Get(state, CasePath(n), Case.Parser) : null;

    internal static void Put(IStateStore state, Case c) => ProtoState.Put(state, CasePath(c.Id), c);

    /// <summary>Which queue a case in <paramref name="state"/> sits in: the assignee's inbox, the hub's queue, or none (final).</summary>
    internal static StateSet? QueueOf(CaseState state, string assignee) => state switch
    {
        CaseState.HandedOver or CaseState.Accepted => Inbox(assignee),
        CaseState.Reported or CaseState.Returned or CaseState.Handled => HubQueue,
        _ => null,
    };

    public static string StateName(CaseState state) => state switch
    {
        CaseState.Reported => "reported",
        CaseState.HandedOver => "handed_over",
        CaseState.Accepted => "accepted",
        CaseState.Handled => "handled",
        CaseState.Closed => "closed",
        CaseState.Returned => "returned",
        CaseState.Dismissed => "dismissed",
        _ => "unspecified",
    };
}
