using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Messages;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Contracts.Points;

/// <summary>
/// Points state: <c>p/acct/{address hex}</c> → <see cref="PointsAccount"/>; <c>p/hist/{address hex}</c> = list of
/// <see cref="PointsEntry"/>; <c>p/total</c>, <c>p/issuer/{org}</c>, <c>p/store/{org}</c> → <see cref="PointsTotals"/>;
/// <c>p/cap/{org}</c> → <see cref="IssuerCap"/>; <c>p/issued/{org}/{yyyyMM}</c> → <see cref="Counter"/>;
/// <c>p/rdm/{address hex}/{redemption id}</c> → <see cref="RedemptionRecord"/>.
/// </summary>
public static class PointsState
{
    public const string TotalPath = "p/total";

    public static string AccountPath(Address resident) => "p/acct/" + Hex(resident);
    public static StateList History(Address resident) => new("p/hist/" + Hex(resident));
    public static string IssuerPath(string organisation) => "p/issuer/" + organisation;
    public static string StorePath(string organisation) => "p/store/" + organisation;
    public static string CapPath(string organisation) => "p/cap/" + organisation;
    public static string IssuedPath(string organisation, string yyyyMM) => "p/issued/" + organisation + "/" + yyyyMM;
    public static string RedemptionPath(Address resident, string redemptionId) => "p/rdm/" + Hex(resident) + "/" + redemptionId;

    public static PointsAccount? GetAccount(IStateStore state, Address resident) =>
        ProtoState.Get(state, AccountPath(resident), PointsAccount.Parser);

    public static PointsTotals GetTotals(IStateStore state, string path) =>
        ProtoState.Get(state, path, PointsTotals.Parser) ?? new PointsTotals();

    internal static void Put(IStateStore state, PointsAccount account, Address resident) =>
        ProtoState.Put(state, AccountPath(resident), account);

    internal static void Bump(IStateStore state, string path, Action<PointsTotals> bump)
    {
        var totals = GetTotals(state, path);
        bump(totals);
        ProtoState.Put(state, path, totals);
    }

    private static string Hex(Address address) => Convert.ToHexStringLower(address.Bytes);
}
