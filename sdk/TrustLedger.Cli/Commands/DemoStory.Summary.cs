using System.Text.Json.Nodes;
using TrustLedger.Proto.Api.V1;

namespace TrustLedger.Cli.Commands;

internal sealed partial class DemoStory
{
    /// <summary>What the ledger now says, read back through the Query service.</summary>
    private async Task SummaryAsync()
    {
        Heading("5. What the ledger now holds");
        var grant = (await admin.DataSharing.GetGrantAsync(_grantId, cancellation))!;
        var log = await admin.DataSharing.GetAccessLogAsync(_grantId, cancellation: cancellation);
        Say($"   grant {DomainCli.Short(grant.Id)}: {DomainCli.Name(grant.Status)}, {grant.Uses} of {grant.MaxUses} uses, {log.Count} access receipt(s), expires {DomainCli.Time(grant.ExpiresAtMs)}");

        var statistics = await admin.Cases.GetStatisticsAsync([_cast.Police.Id], cancellation: cancellation);
        Say("   case statistics (the total and period rows count every case on the ledger):");
        if (!json) CaseCommands.PrintStatistics(statistics, "     ");

        var balance = await admin.Points.GetBalanceAsync(_resident.Address, cancellation);
        var totals = await admin.Points.GetTotalsAsync([_cast.Store.Id], [_cast.Community.Id], cancellation);
        Say($"   resident {_resident.Address}: balance {balance.Usable} (awarded {balance.Account.Awarded}, redeemed {balance.Account.Redeemed})");
        Say("   points totals:");
        if (!json) PointsCommands.PrintTotals(totals, "     ");
        var status = await admin.GetStatusAsync(cancellation);
        Say($"\nDone: chain at block {status.Height}, state root {status.StateRoot}. Inspect with `tl case show {_caseId}`, `tl data grant {_grantId}`, `tl points balance {_resident.Address}`.");

        _facts["summary"] = new JsonObject
        {
            ["grantStatus"] = DomainCli.Name(grant.Status), ["grantUses"] = grant.Uses, ["accessReceipts"] = log.Count,
            ["caseTotals"] = Figures(statistics.Total), ["department"] = Figures(statistics.Departments[0]),
            ["residentBalance"] = balance.Usable, ["storeRedeemed"] = totals.Stores[0].Totals.Redeemed, ["issuerAwarded"] = totals.Issuers[0].Totals.Awarded,
            ["height"] = status.Height, ["stateRoot"] = status.StateRoot.ToString(),
        };
    }

    private static JsonObject Figures(CaseFigures f) => new()
    {
        ["scope"] = f.Scope, ["reported"] = f.Counters.Reported, ["handedOver"] = f.Counters.HandedOver, ["handled"] = f.Counters.Handled,
        ["closed"] = f.Counters.Closed, ["closurePermille"] = f.Rates.ClosurePermille, ["onTimePermille"] = f.Rates.OnTimePermille,
    };
}
