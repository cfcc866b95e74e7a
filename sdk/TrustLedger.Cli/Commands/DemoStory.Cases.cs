using System.Text;
using System.Text.Json.Nodes;
using TrustLedger.Contracts.Messages;

namespace TrustLedger.Cli.Commands;

internal sealed partial class DemoStory
{
    private string _caseId = "";

    /// <summary>事件 交办 → 签收 → 处置 → 办结: the hub hands a case over, the department accepts, handles, and the hub closes it.</summary>
    private async Task CaseAsync()
    {
        var (hub, police, civil) = (_cast.Hub, _cast.Police, _cast.Civil);
        Heading("3. Event handover — 交办 → 签收 → 处置 → 办结 (hand over → accept → handle → close)");
        var description = "Night-market stalls block the fire lane; noise after 23:00 (grid worker report)";
        var reported = await hub.Client.Cases.ReportAsync("public-order", "grid-330402-017", Hash(hub, description), Severity.High, "hotline-0001", cancellation);
        _caseId = reported.Id;
        Say($"   {hub.Id} reports a public-order case at grid-330402-017 (high)   case {DomainCli.Short(reported.Id)}  block {reported.Height}");

        var deadline = DateTimeOffset.UtcNow.AddDays(2);
        var handedOver = await hub.Client.Cases.HandOverAsync(reported.Id, police.Id, deadline, "clear the fire lane tonight", cancellation);
        Say($"   交办 {hub.Id} hands it over to {police.Id}, due {Output.Time(deadline)}   block {handedOver.Height}");
        await RefusedAsync($"{civil.Id} accepting a case handed to {police.Id}", () => civil.Client.Cases.AcceptAsync(reported.Id, cancellation));

        var accepted = await police.Client.Cases.AcceptAsync(reported.Id, cancellation);
        Say($"   签收 {police.Id} accepts   block {accepted.Height}");
        var handled = await police.Client.Cases.RecordHandlingAsync(reported.Id, "stalls moved, fire lane cleared, vendors warned",
            Hash(police, "patrol photos 2 and 3, warning notice no. 17"), cancellation);
        Say($"   处置 {police.Id} records the handling (evidence kept off-chain, its hash on-chain)   block {handled.Height}");
        var closed = await hub.Client.Cases.CloseAsync(reported.Id, 5, cancellation);
        Say($"   办结 {hub.Id} closes it with the reporter's rating 5/5   block {closed.Height}");

        var c = (await hub.Client.Cases.GetCaseAsync(reported.Id, cancellation))!;
        var history = await hub.Client.Cases.GetHistoryAsync(reported.Id, cancellation: cancellation);
        Say($"   case is {DomainCli.Name(c.State)}, handled {(c.HandledOnTime ? "on time" : "late")}; history of {history.Count} attributable events:");
        foreach (var e in history)
            Say($"     #{e.Sequence} block {e.Height,-5} {e.Action,-20} by {e.ActorOrganisation} ({DomainCli.Hex0x(e.Actor)[..12]}…)");

        _facts["case"] = new JsonObject
        {
            ["id"] = c.Id, ["state"] = DomainCli.Name(c.State), ["assignee"] = c.AssigneeOrganisation, ["handledOnTime"] = c.HandledOnTime,
            ["satisfaction"] = c.Satisfaction, ["reportBlock"] = reported.Height, ["closeBlock"] = closed.Height,
            ["history"] = new JsonArray([.. history.Select(e => (JsonNode)new JsonObject { ["action"] = e.Action, ["by"] = e.ActorOrganisation, ["block"] = e.Height })]),
        };
    }

    private static byte[] Hash(Actor actor, string offChainText) => actor.Client.Suite.Hash.Hash(Encoding.UTF8.GetBytes(offChainText)).ToArray();
}
