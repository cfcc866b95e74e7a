using TrustLedger.Contracts.Messages;
using TrustLedger.Proto.Api.V1;
using static TrustLedger.Cli.Commands.DomainCli;

namespace TrustLedger.Cli.Commands;

internal static partial class CaseCommands
{
    private static string CaseLine(Case c) =>
        $"{c.Id}  {Name(c.State),-11} {Name(c.Severity),-8} {c.Category,-16} {c.LocationRef,-18} {(c.AssigneeOrganisation.Length == 0 ? "-" : c.AssigneeOrganisation),-16} due {Time(c.DeadlineMs)}";

    private static string EventLine(CaseEvent e) =>
        $"  #{e.Sequence,-3} block {e.Height,-6} {Time(e.BlockTimeMs)}  {e.Action,-20} {(e.FromState == CaseState.Unspecified ? "new" : Name(e.FromState))} → {Name(e.ToState)}  by {e.ActorOrganisation}"
        + (e.Department.Length > 0 ? $"  to {e.Department}" : "") + (e.Reason.Length > 0 ? $"  reason: {e.Reason}" : "")
        + (e.Result.Length > 0 ? $"  result: {e.Result}" : "") + (e.Satisfaction > 0 ? $"  rating {e.Satisfaction}" : "");

    private static void PrintCase(Case c) => Output.Print(false,
    [
        ("id", c.Id),
        ("state", Name(c.State)),
        ("category", c.Category),
        ("location", c.LocationRef),
        ("severity", Name(c.Severity)),
        ("reported", $"by {c.ReporterOrganisation}, block {c.ReportedHeight} at {Time(c.ReportedTimeMs)}"),
        ("assignee", c.AssigneeOrganisation.Length == 0 ? "-" : c.AssigneeOrganisation),
        ("deadline", Time(c.DeadlineMs)),
        ("handled", c.HandledTimeMs == 0 ? "-" : $"{Time(c.HandledTimeMs)} ({(c.HandledOnTime ? "on time" : "late")}): {c.HandlingResult}"),
        ("closed", c.ClosedTimeMs == 0 ? "-" : $"{Time(c.ClosedTimeMs)}, rating {c.Satisfaction}"),
        ("escalation", c.EscalationLevel),
        ("history", $"{c.HistoryCount} events"),
    ]);

    internal static void PrintStatistics(CaseStatistics s, string indent = "")
    {
        Console.WriteLine(indent + "cases now: " + string.Join(", ", s.PerState.Select(p => $"{p.Name} {p.Cases}")));
        Console.WriteLine(indent + $"{"scope",-22} {"reported",8} {"handed",7} {"accepted",8} {"handled",7} {"closed",7} {"on time",7} {"returned",8} {"escal.",6}  {"closure",8} {"on-time",8} {"rating",6}");
        foreach (var f in new[] { s.Total }.Concat(s.Departments).Concat(s.Months).Concat(s.Days)) Console.WriteLine(indent + FiguresLine(f));
        Console.WriteLine(indent + "(closure: closed per reported, or per handed over for a department; on-time: handled by the deadline, per closed)");
    }

    internal static string FiguresLine(CaseFigures f)
    {
        var n = f.Counters;
        var rating = f.Rates.AverageSatisfactionCentis;
        return $"{f.Scope,-22} {n.Reported,8} {n.HandedOver,7} {n.Accepted,8} {n.Handled,7} {n.Closed,7} {n.ClosedOnTime,7} {n.Returned,8} {n.Escalated,6}  "
            + $"{Percent(f.Rates.ClosurePermille),8} {Percent(f.Rates.OnTimePermille),8} {(n.SatisfactionCount == 0 ? "-" : $"{rating / 100}.{rating % 100:D2}"),6}";
    }
}
