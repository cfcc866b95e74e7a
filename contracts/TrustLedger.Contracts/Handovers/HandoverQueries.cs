using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Messages;

namespace TrustLedger.Contracts.Handovers;

/// <summary>Rates derived from counters, in integers: permille (‰) and hundredths, never floating point.</summary>
/// <param name="ClosurePermille">Closed per thousand reported (network, period) or handed over (department).</param>
/// <param name="OnTimePermille">Closed with handling recorded by the deadline, per thousand closed.</param>
/// <param name="AverageSatisfactionCentis">Average rating × 100 (e.g. 467 = 4.67).</param>
public readonly record struct CaseRates(ulong ClosurePermille, ulong OnTimePermille, ulong AverageSatisfactionCentis);

/// <summary>Read-only questions over case state; pure functions, so a node and an auditor answer alike.</summary>
public static class HandoverQueries
{
    /// <summary>Cases waiting on a department (handed over or accepted), earliest deadline first, then by id.</summary>
    public static IReadOnlyList<Case> Inbox(IStateStore state, string department) =>
        Resolve(state, HandoverState.Inbox(department).Members(state));

    /// <summary>Cases waiting on the hub (reported, returned, handled), earliest report first.</summary>
    public static IReadOnlyList<Case> HubQueue(IStateStore state) =>
        [.. HandoverState.HubQueue.Members(state).Select(id => HandoverState.GetCase(state, id)!)
            .OrderBy(c => c.ReportedTimeMs).ThenBy(c => c.Id, StringComparer.Ordinal)];

    /// <summary>A department's cases whose deadline has passed at <paramref name="blockTimeMs"/>: the ones <c>case.escalate</c> accepts.</summary>
    public static IReadOnlyList<Case> Overdue(IStateStore state, string department, long blockTimeMs) =>
        [.. Inbox(state, department).Where(c => blockTimeMs > c.DeadlineMs)];

    public static IReadOnlyList<CaseEvent> History(IStateStore state, string caseId, ulong from = 1, int limit = 1000) =>
        HandoverState.GetCase(state, caseId) is { } c ? HandoverState.History(c.Id).Read(state, CaseEvent.Parser, from, limit) : [];

    /// <summary>Number of cases now in each state, in enum order.</summary>
    public static IReadOnlyList<KeyValuePair<CaseState, ulong>> CasesPerState(IStateStore state) =>
        [.. Enum.GetValues<CaseState>().Where(s => s != CaseState.Unspecified)
            .Select(s => new KeyValuePair<CaseState, ulong>(s, Common.ProtoState.GetCounter(state, HandoverStatistics.StatePath(s))))];

    public static CaseCounters Totals(IStateStore state) => HandoverStatistics.Get(state, HandoverStatistics.TotalPath);
    public static CaseCounters Department(IStateStore state, string department) => HandoverStatistics.Get(state, HandoverStatistics.DepartmentPath(department));
    public static CaseCounters Day(IStateStore state, string yyyyMMdd) => HandoverStatistics.Get(state, HandoverStatistics.DayPath(yyyyMMdd));
    public static CaseCounters Month(IStateStore state, string yyyyMM) => HandoverStatistics.Get(state, HandoverStatistics.MonthPath(yyyyMM));
    public static CaseCounters DepartmentMonth(IStateStore state, string department, string yyyyMM) =>
        HandoverStatistics.Get(state, HandoverStatistics.DepartmentMonthPath(department, yyyyMM));

    /// <summary>Rates of a counter set; <paramref name="perDepartment"/> measures closure against hand-overs instead of reports.</summary>
    public static CaseRates Rates(CaseCounters counters, bool perDepartment = false)
    {
        var basis = perDepartment ? counters.HandedOver : counters.Reported;
        return new CaseRates(
            Ratio(counters.Closed, basis, 1000),
            Ratio(counters.ClosedOnTime, counters.Closed, 1000),
            Ratio(counters.SatisfactionSum, counters.SatisfactionCount, 100));
    }

    private static ulong Ratio(ulong numerator, ulong denominator, ulong scale) =>
        denominator == 0 ? 0 : (ulong)((UInt128)numerator * scale / denominator);

    private static IReadOnlyList<Case> Resolve(IStateStore state, IEnumerable<string> ids) =>
        [.. ids.Select(id => HandoverState.GetCase(state, id)!).OrderBy(c => c.DeadlineMs).ThenBy(c => c.Id, StringComparer.Ordinal)];
}
