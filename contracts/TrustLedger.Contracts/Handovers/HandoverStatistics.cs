using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Messages;

namespace TrustLedger.Contracts.Handovers;

/// <summary>
/// Incremental case statistics: <c>c/stat/state/{state}</c> → <see cref="Counter"/> of cases now in each state;
/// <see cref="CaseCounters"/> of events at <c>c/stat/total</c>, <c>c/stat/day/{yyyyMMdd}</c>, <c>c/stat/month/{yyyyMM}</c>,
/// <c>c/stat/dept/{org}</c> and <c>c/stat/dept_month/{org}/{yyyyMM}</c>. Events count in the UTC day and month of
/// their block time; department counters go to the department the event concerns.
/// </summary>
public static class HandoverStatistics
{
    public const string TotalPath = "c/stat/total";
    public static string StatePath(CaseState state) => "c/stat/state/" + HandoverState.StateName(state);
    public static string DayPath(string yyyyMMdd) => "c/stat/day/" + yyyyMMdd;
    public static string MonthPath(string yyyyMM) => "c/stat/month/" + yyyyMM;
    public static string DepartmentPath(string department) => "c/stat/dept/" + department;
    public static string DepartmentMonthPath(string department, string yyyyMM) => "c/stat/dept_month/" + department + "/" + yyyyMM;

    internal static void MoveState(IStateStore state, CaseState from, CaseState to)
    {
        if (from != CaseState.Unspecified) ProtoState.SubtractFromCounter(state, StatePath(from), 1);
        ProtoState.AddToCounter(state, StatePath(to), 1);
    }

    /// <summary>Applies <paramref name="bump"/> to the total, the period buckets and, if given, the department's counters.</summary>
    internal static void Count(IStateStore state, long blockTimeMs, string department, Action<CaseCounters> bump)
    {
        var month = Periods.Month(blockTimeMs);
        Bump(state, TotalPath, bump);
        Bump(state, DayPath(Periods.Day(blockTimeMs)), bump);
        Bump(state, MonthPath(month), bump);
        if (department.Length == 0) return;
        Bump(state, DepartmentPath(department), bump);
        Bump(state, DepartmentMonthPath(department, month), bump);
    }

    private static void Bump(IStateStore state, string path, Action<CaseCounters> bump)
    {
        var counters = Get(state, path);
        bump(counters);
        ProtoState.Put(state, path, counters);
    }

    public static CaseCounters Get(IStateStore state, string path) => ProtoState.Get(state, path, CaseCounters.Parser) ?? new CaseCounters();
}
