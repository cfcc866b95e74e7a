using System.CommandLine;
using TrustLedger.Contracts.Messages;
using TrustLedger.Protocol.Primitives;
using TrustLedger.Sdk.Domain;
using static TrustLedger.Cli.Commands.DomainCli;

namespace TrustLedger.Cli.Commands;

/// <summary><c>tl points …</c>: award, resident-signed redemption, balances, history and totals.</summary>
internal static class PointsCommands
{
    public static Command Build()
    {
        var resident = Id("resident", "The resident's address (0x…)");
        var amount = new Option<ulong>("--amount") { Description = "Points", Required = true };
        var reasonCode = Required("--reason-code", "Why, as a token, e.g. volunteer.cleanup");
        var expires = Text("--expires", "Points lapse after this long, e.g. 365d (default: the network's default)");
        var residentKey = Required("--resident-key", "The resident's keystore file");
        var store = Required("--store", "The store organisation that may redeem");
        var redemptionId = Text("--id", "Redemption id (default: a fresh random one)");
        var valid = Text("--valid", "How long the authorisation stays valid", "10m");
        var slip = Id("authorisation", "The signed authorisation from `tl points authorise` (hex)");
        var stores = new Option<string[]>("--store") { Description = "Stores to show (repeatable; default: every store)", AllowMultipleArgumentsPerToken = true };
        var issuers = new Option<string[]>("--issuer") { Description = "Issuers to show (repeatable; default: every community organisation)", AllowMultipleArgumentsPerToken = true };
        var issuer = Id("issuer", "Community organisation");
        var cap = new Argument<ulong>("cap") { Description = "Points it may award per calendar month" };
        var redemption = Id("id", "Redemption id");

        return new Command("points", "Community points: award, redeem with the resident's signature, balances and totals")
        {
            Action("award", "Award points to a resident (community)", (p, c, ct) =>
                c.Points.AwardAsync(DomainCli.Address(p.GetValue(resident)!, "resident"), p.GetValue(amount), p.GetValue(reasonCode)!,
                    p.GetValue(expires) is { Length: > 0 } e ? DateTimeOffset.UtcNow + Duration(e, "--expires") : null, ct), resident, amount, reasonCode, expires),
            Query("authorise", "As the resident: sign a redemption for a store (prints the authorisation to hand over)", (p, c, json, ct) =>
            {
                var wallet = new ResidentWallet(CommonOptions.LoadKey(p.GetValue(residentKey)!), c.ChainId);
                var signed = wallet.AuthoriseRedemption(p.GetValue(store)!, p.GetValue(amount), Duration(p.GetValue(valid)!, "--valid"),
                    p.GetValue(redemptionId) is { Length: > 0 } r ? r : null);
                Output.Print(json, [("resident", wallet.Address), ("store", signed.StoreOrganisation), ("amount", signed.Amount), ("redemption id", signed.RedemptionId),
                    ("valid until", Time(signed.ExpiresAtMs)), ("authorisation", Hex.Encode(ResidentWallet.Encode(signed)))]);
                return Task.CompletedTask;
            }, residentKey, store, amount, redemptionId, valid),
            Action("redeem", "As the store: submit a resident's signed authorisation", (p, c, ct) =>
                c.Points.RedeemAsync(Hex.TryDecode(p.GetValue(slip), out var bytes) ? Decode(bytes) : throw new CliException("the authorisation must be hex"), ct), slip),
            Action("expire", "Book a resident's expired points", (p, c, ct) => c.Points.ExpireAsync(DomainCli.Address(p.GetValue(resident)!, "resident"), ct), resident),
            Action("set-cap", "Set a community organisation's monthly cap (admin)", (p, c, ct) => c.Points.SetCapAsync(p.GetValue(issuer)!, p.GetValue(cap), ct), issuer, cap),
            Query("balance", "Show a resident's usable balance and lots", async (p, c, json, ct) =>
            {
                var b = await c.Points.GetBalanceAsync(DomainCli.Address(p.GetValue(resident)!, "resident"), ct);
                Print(json, b, () =>
                {
                    Output.Print(false, [("resident", b.Resident), ("usable", b.Usable), ("awarded", b.Account.Awarded), ("redeemed", b.Account.Redeemed), ("expired", b.Account.Expired)]);
                    foreach (var lot in b.Account.Lots) Console.WriteLine($"  lot {lot.Remaining,8} from {lot.IssuerOrganisation,-20} expires {Time(lot.ExpiresAtMs)}");
                });
            }, resident),
            Query("history", "List a resident's awards, redemptions and expiries", async (p, c, json, ct) =>
                PrintList(json, await c.Points.GetHistoryAsync(DomainCli.Address(p.GetValue(resident)!, "resident"), limit: 1000, cancellation: ct), EntryLine, "no history"), resident),
            Query("totals", "Network, per-store and per-issuer totals", async (p, c, json, ct) =>
            {
                var t = await c.Points.GetTotalsAsync(p.GetValue(stores), p.GetValue(issuers), ct);
                Print(json, t, () => PrintTotals(t));
            }, stores, issuers),
            Query("redemption", "Show an applied redemption", async (p, c, json, ct) =>
            {
                var r = await c.Points.GetRedemptionAsync(DomainCli.Address(p.GetValue(resident)!, "resident"), p.GetValue(redemption)!, ct)
                    ?? throw new CliException($"redemption '{p.GetValue(redemption)}' has not been applied");
                Print(json, r, () => Output.Print(false, [("redemption id", r.RedemptionId), ("store", r.StoreOrganisation), ("amount", r.Amount), ("block", r.Height), ("time", Time(r.BlockTimeMs))]));
            }, resident, redemption),
        };
    }

    private static RedeemPointsRequest Decode(byte[] bytes)
    {
        try
        {
            return ResidentWallet.Decode(bytes);
        }
        catch (Google.Protobuf.InvalidProtocolBufferException e)
        {
            throw new CliException($"not a redemption authorisation: {e.Message}");
        }
    }

    private static string EntryLine(PointsEntry e) =>
        $"#{e.Sequence,-4} block {e.Height,-6} {Time(e.BlockTimeMs)}  {Name(e.Kind),-7} {e.Amount,8}  {e.Organisation,-20} {e.ReasonCode}{e.RedemptionId}  balance {e.BalanceAfter}";

    internal static void PrintTotals(Proto.Api.V1.PointsTotalsReport t, string indent = "")
    {
        Console.WriteLine(indent + $"network: awarded {t.Network.Awarded} in {t.Network.Awards} awards, redeemed {t.Network.Redeemed} in {t.Network.Redemptions} redemptions, expired {t.Network.Expired}");
        foreach (var s in t.Stores) Console.WriteLine(indent + $"  store  {s.Organisation,-24} redeemed {s.Totals.Redeemed} in {s.Totals.Redemptions} redemptions");
        foreach (var i in t.Issuers) Console.WriteLine(indent + $"  issuer {i.Organisation,-24} awarded {i.Totals.Awarded} in {i.Totals.Awards} awards ({i.IssuedThisMonth} this month), redeemed {i.Totals.Redeemed}");
    }
}
