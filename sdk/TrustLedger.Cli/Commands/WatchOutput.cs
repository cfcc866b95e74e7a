using System.Text.Json.Nodes;
using Google.Protobuf;
using TrustLedger.Contracts.Handovers;
using TrustLedger.Contracts.Grants;
using TrustLedger.Contracts.Messages;
using TrustLedger.Sdk;

namespace TrustLedger.Cli.Commands;

/// <summary>How <c>tl watch</c> prints updates: a headline per update with indented details, or one JSON object per line.</summary>
internal static class WatchOutput
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));

    public static void Inbox(WatchedInbox u)
    {
        Console.WriteLine($"{Headline(u.Stamp)}inbox of {u.Department}: {u.Waiting} waiting, {u.Overdue} overdue");
        foreach (var c in u.Cases)
            Console.WriteLine($"  {(u.Stamp.IsSnapshot ? " " : "+")} {Short(c.Id)}  {HandoverState.StateName(c.State),-12} deadline {Time(c.DeadlineMs)}  {Severity(c.Severity),-8} {c.Category}");
        foreach (var id in u.Removed)
            Console.WriteLine($"  - {Short(id)}  left the inbox");
    }

    public static void Case(WatchedCase u)
    {
        var c = u.Case;
        var assignee = c.AssigneeOrganisation.Length > 0 ? $" → {c.AssigneeOrganisation}, deadline {Time(c.DeadlineMs)}" : "";
        Console.WriteLine($"{Headline(u.Stamp)}case {Short(c.Id)}: {HandoverState.StateName(c.State)}{assignee}{(u.Overdue ? " (OVERDUE)" : "")}, {Severity(c.Severity)}, {c.Category}");
        foreach (var e in u.Events)
        {
            var detail = string.Join(", ", new[] { e.Department, e.Reason, e.Result, e.Satisfaction > 0 ? $"rating {e.Satisfaction}" : "" }.Where(s => s.Length > 0));
            Console.WriteLine($"  #{e.Sequence,-3} {e.Action,-20} by {e.ActorOrganisation,-16} block {e.Height} {Time(e.BlockTimeMs)}{(detail.Length > 0 ? "  " + detail : "")}");
        }
    }

    public static void Grant(WatchedGrant u)
    {
        var g = u.Grant;
        var uses = g.MaxUses == 0 ? $"{g.Uses} uses" : $"{g.Uses}/{g.MaxUses} uses";
        var expiry = g.ExpiresAtMs == 0 ? "" : $", expires {Time(g.ExpiresAtMs)}";
        Console.WriteLine($"{Headline(u.Stamp)}grant {Short(g.Id)}: {DataSharingState.StatusName(u.EffectiveStatus)} — {g.RequesterOrganisation} from {g.OwnerOrganisation}, dataset {Short(g.DatasetId)}{expiry}, {uses}");
        foreach (var r in u.Receipts)
            Console.WriteLine($"  receipt #{r.Sequence} to {r.RequesterOrganisation} block {r.Height} {Time(r.BlockTimeMs)}");
    }

    public static void Points(WatchedPointsAccount u)
    {
        var a = u.Account;
        var totals = a is null ? "no points yet" : $"balance {a.Balance} (usable {u.UsableBalance}), awarded {a.Awarded}, redeemed {a.Redeemed}, expired {a.Expired}";
        Console.WriteLine($"{Headline(u.Stamp)}points {u.Resident}: {totals}");
        foreach (var e in u.Entries)
        {
            var sign = e.Kind == PointsEntryKind.Award ? "+" : "-";
            var why = e.Kind switch
            {
                PointsEntryKind.Award => $"award by {e.Organisation} ({e.ReasonCode})",
                PointsEntryKind.Redeem => $"redeemed at {e.Organisation} ({e.RedemptionId})",
                _ => "expired",
            };
            Console.WriteLine($"  {sign}{e.Amount,-8} {why}  block {e.Height}  balance {e.BalanceAfter}");
        }
    }

    public static string InboxJson(WatchedInbox u) => Line(u.Stamp, new JsonObject
    {
        ["department"] = u.Department,
        ["waiting"] = u.Waiting,
        ["overdue"] = u.Overdue,
        ["cases"] = Array(u.Cases),
        ["removed"] = new JsonArray([.. u.Removed.Select(id => (JsonNode)JsonValue.Create(id))]),
    });

    public static string CaseJson(WatchedCase u) => Line(u.Stamp, new JsonObject
    {
        ["case"] = Message(u.Case),
        ["overdue"] = u.Overdue,
        ["events"] = Array(u.Events),
    });

    public static string GrantJson(WatchedGrant u) => Line(u.Stamp, new JsonObject
    {
        ["grant"] = Message(u.Grant),
        ["effectiveStatus"] = DataSharingState.StatusName(u.EffectiveStatus),
        ["receipts"] = Array(u.Receipts),
    });

    public static string PointsJson(WatchedPointsAccount u) => Line(u.Stamp, new JsonObject
    {
        ["resident"] = u.Resident.ToString(),
        ["account"] = u.Account is null ? null : Message(u.Account),
        ["usableBalance"] = u.UsableBalance,
        ["entries"] = Array(u.Entries),
    });

    private static string Headline(LiveViewStamp s) =>
        $"block {s.Height,-6} {Output.Time(s.BlockTime)}  {(s.Resynced ? "(resynced after falling behind) " : "")}";

    private static string Line(LiveViewStamp s, JsonObject body)
    {
        var line = new JsonObject
        {
            ["height"] = s.Height,
            ["blockTimeMs"] = s.BlockTime.ToUnixTimeMilliseconds(),
            ["snapshot"] = s.IsSnapshot,
            ["resynced"] = s.Resynced,
        };
        foreach (var (name, value) in body.ToList())
        {
            body.Remove(name);
            line[name] = value;
        }
        return line.ToJsonString();
    }

    private static JsonNode? Message(IMessage message) => JsonNode.Parse(Formatter.Format(message));

    private static JsonArray Array(IEnumerable<IMessage> messages) => new([.. messages.Select(Message)]);

    private static string Short(string id) => id.Length > 12 ? id[..12] + "…" : id;

    private static string Severity(Severity s) => s.ToString().ToLowerInvariant();

    private static string Time(long ms) => ms == 0 ? "-" : Output.Time(DateTimeOffset.FromUnixTimeMilliseconds(ms));
}
