using System.CommandLine;
using TrustLedger.Contracts.Messages;
using static TrustLedger.Cli.Commands.DomainCli;

namespace TrustLedger.Cli.Commands;

/// <summary><c>tl case …</c>: event handovers (交办 → 签收 → 处置 → 办结), queues, history and statistics.</summary>
internal static partial class CaseCommands
{
    public static Command Build()
    {
        var id = Id("case", "Case id");
        var organisation = Id("department", "Department (organisation id)");
        var category = Required("--category", "Category, e.g. public-order");
        var location = Required("--location", "Location reference (grid cell, address code), never a personal identifier");
        var description = Required("--description", "Description; only its hash goes on-chain");
        var severity = new Option<string>("--severity") { Description = "low, medium, high or critical", DefaultValueFactory = _ => "medium" };
        severity.AcceptOnlyFromAmong("low", "medium", "high", "critical");
        var externalRef = Text("--external-ref", "Id in the reporter's own system");
        var department = Required("--department", "Department to hand the case to");
        var deadline = Required("--deadline", "Time allowed from now, e.g. 2d or 12h");
        var newDeadline = Text("--deadline", "New time allowed from now (default: keep the deadline)");
        var note = Text("--note", "Note for the department");
        var reason = Required("--reason", "Reason");
        var result = Required("--result", "What was done");
        var evidence = Required("--evidence", "Evidence (a file name, a description); only its hash goes on-chain");
        var rating = new Option<uint>("--rating") { Description = "The reporter's satisfaction, 1–5", Required = true };
        var onlyDepartment = Text("--department", "Only this department");
        var departments = new Option<string[]>("--department") { Description = "Department figures to show (repeatable; default: every department)", AllowMultipleArgumentsPerToken = true };
        var days = new Option<string[]>("--day") { Description = "Days to show as yyyyMMdd (repeatable; default: today, UTC)", AllowMultipleArgumentsPerToken = true };
        var months = new Option<string[]>("--month") { Description = "Months to show as yyyyMM (repeatable; default: this month, UTC)", AllowMultipleArgumentsPerToken = true };

        DateTimeOffset Due(string value) => DateTimeOffset.UtcNow + Duration(value, "--deadline");

        return new Command("case", "Event handovers: report, hand over, accept, handle, close; inboxes and statistics")
        {
            Action("report", "Report a case (hub or grid)", (p, c, ct) =>
                c.Cases.ReportAsync(p.GetValue(category)!, p.GetValue(location)!, HashOf(c, p.GetValue(description)!),
                    Enum.Parse<Severity>(p.GetValue(severity)!, ignoreCase: true), p.GetValue(externalRef)!, ct), category, location, description, severity, externalRef),
            Action("hand-over", "Hand a case over to a department with a deadline (hub)", (p, c, ct) =>
                c.Cases.HandOverAsync(p.GetValue(id)!, p.GetValue(department)!, Due(p.GetValue(deadline)!), p.GetValue(note)!, ct), id, department, deadline, note),
            Action("accept", "Accept a case handed to your department (签收)", (p, c, ct) => c.Cases.AcceptAsync(p.GetValue(id)!, ct), id),
            Action("return", "Return a case to the hub", (p, c, ct) => c.Cases.ReturnAsync(p.GetValue(id)!, p.GetValue(reason)!, ct), id, reason),
            Action("handle", "Record how an accepted case was handled (处置)", (p, c, ct) =>
                c.Cases.RecordHandlingAsync(p.GetValue(id)!, p.GetValue(result)!, HashOf(c, p.GetValue(evidence)!), ct), id, result, evidence),
            Action("close", "Close a handled case with the reporter's rating (办结, hub)", (p, c, ct) => c.Cases.CloseAsync(p.GetValue(id)!, p.GetValue(rating), ct), id, rating),
            Action("send-back", "Send a handled case back to its department (hub)", (p, c, ct) =>
                c.Cases.SendBackAsync(p.GetValue(id)!, p.GetValue(reason)!, p.GetValue(newDeadline) is { Length: > 0 } d ? Due(d) : null, ct), id, reason, newDeadline),
            Action("reassign", "Move a case to another department (hub)", (p, c, ct) =>
                c.Cases.ReassignAsync(p.GetValue(id)!, p.GetValue(department)!, Due(p.GetValue(deadline)!), p.GetValue(reason)!, ct), id, department, deadline, reason),
            Action("escalate", "Escalate a case past its deadline (hub)", (p, c, ct) => c.Cases.EscalateAsync(p.GetValue(id)!, p.GetValue(reason)!, ct), id, reason),
            Action("dismiss", "Dismiss a reported or returned case (hub)", (p, c, ct) => c.Cases.DismissAsync(p.GetValue(id)!, p.GetValue(reason)!, ct), id, reason),
            Query("show", "Show a case and its full history", async (p, c, json, ct) =>
            {
                var x = await c.Cases.GetCaseAsync(p.GetValue(id)!, ct) ?? throw new CliException($"case {p.GetValue(id)} does not exist");
                var history = await c.Cases.GetHistoryAsync(x.Id, limit: 1000, cancellation: ct);
                if (json)
                {
                    PrintJson(new System.Text.Json.Nodes.JsonObject { ["case"] = JsonOf(x), ["history"] = new System.Text.Json.Nodes.JsonArray([.. history.Select(JsonOf)]) });
                    return;
                }
                PrintCase(x);
                foreach (var e in history) Console.WriteLine(EventLine(e));
            }, id),
            Query("list", "List every case in report order", async (p, c, json, ct) =>
                PrintList(json, await c.Cases.ListCasesAsync(limit: 1000, cancellation: ct), CaseLine, "no cases")),
            Query("inbox", "List the cases waiting on a department", async (p, c, json, ct) =>
                PrintList(json, await c.Cases.GetInboxAsync(p.GetValue(organisation)!, ct), CaseLine, "inbox empty"), organisation),
            Query("hub-queue", "List the cases waiting on the hub", async (p, c, json, ct) =>
                PrintList(json, await c.Cases.GetHubQueueAsync(ct), CaseLine, "hub queue empty")),
            Query("overdue", "List cases past their deadline", async (p, c, json, ct) =>
                PrintList(json, await c.Cases.ListOverdueAsync(p.GetValue(onlyDepartment)!, ct), CaseLine, "no overdue cases"), onlyDepartment),
            Query("stats", "Case statistics: per state, totals, per department, per day and month, with rates", async (p, c, json, ct) =>
            {
                var s = await c.Cases.GetStatisticsAsync(p.GetValue(departments), p.GetValue(days), p.GetValue(months), ct);
                Print(json, s, () => PrintStatistics(s));
            }, departments, days, months),
        };
    }
}
