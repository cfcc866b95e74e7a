using Grpc.Core;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Handovers;
using TrustLedger.Contracts.Messages;
using TrustLedger.Proto.Api.V1;

namespace TrustLedger.Node.Services;

public sealed partial class QueryService
{
    /// <summary>
    /// The figures the seed article quotes: cases reported, handed over, handled and closed, the closure rate and the
    /// on-time rate — network-wide, per department and per day / month — plus the cases now in each state.
    /// </summary>
    public override Task<CaseStatistics> GetCaseStatistics(GetCaseStatisticsRequest request, ServerCallContext context)
    {
        var now = NowMs;
        QueryArguments.List(request.Days, 366, "days");
        QueryArguments.List(request.Months, 120, "months");
        QueryArguments.List(request.Departments, (int)QueryArguments.MaxLimit, "departments");
        string[] days = request.Days.Count == 0 ? [Periods.Day(now)] : request.Days.Select(d => QueryArguments.Period(d, "yyyyMMdd", "days")).ToArray();
        string[] months = request.Months.Count == 0 ? [Periods.Month(now)] : request.Months.Select(m => QueryArguments.Period(m, "yyyyMM", "months")).ToArray();
        return ReadAsMember(context, "case statistics", state =>
        {
            IReadOnlyList<string> departments = request.Departments.Count == 0
                ? QueryArguments.Holding(state, Roles.Department)
                : request.Departments.Select(d => QueryArguments.Organisation(state, d, "departments").Id).ToArray();
            var statistics = new CaseStatistics { Total = Figures("total", HandoverQueries.Totals(state), perDepartment: false) };
            statistics.PerState.AddRange(HandoverQueries.CasesPerState(state)
                .Select(s => new CaseStateCount { State = s.Key, Name = HandoverState.StateName(s.Key), Cases = s.Value }));
            statistics.Departments.AddRange(departments.Select(d => Figures(d, HandoverQueries.Department(state, d), perDepartment: true)));
            statistics.Days.AddRange(days.Select(d => Figures(d, HandoverQueries.Day(state, d), perDepartment: false)));
            statistics.Months.AddRange(months.Select(m => Figures(m, HandoverQueries.Month(state, m), perDepartment: false)));
            return statistics;
        });
    }

    private static CaseFigures Figures(string scope, CaseCounters counters, bool perDepartment)
    {
        var rates = HandoverQueries.Rates(counters, perDepartment);
        return new CaseFigures
        {
            Scope = scope,
            Counters = counters,
            Rates = new CaseRateFigures
            {
                ClosurePermille = rates.ClosurePermille,
                OnTimePermille = rates.OnTimePermille,
                AverageSatisfactionCentis = rates.AverageSatisfactionCentis,
            },
        };
    }
}
