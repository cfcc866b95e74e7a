using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Messages;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Contracts.Points;

/// <summary>Read-only questions over points state; pure functions, so a node and an auditor answer alike.</summary>
public static class PointsQueries
{
    /// <summary>Points the resident can redeem at <paramref name="blockTimeMs"/>: the stored balance less lots expired by then but not yet booked.</summary>
    public static ulong Balance(IStateStore state, Address resident, long blockTimeMs)
    {
        var account = PointsState.GetAccount(state, resident);
        if (account is null) return 0;
        ulong usable = 0;
        foreach (var lot in account.Lots)
            if (!PointsLots.IsExpired(lot, blockTimeMs)) usable = checked(usable + lot.Remaining);
        return usable;
    }

    public static PointsAccount? Account(IStateStore state, Address resident) => PointsState.GetAccount(state, resident);

    public static IReadOnlyList<PointsEntry> History(IStateStore state, Address resident, ulong from = 1, int limit = 100) =>
        PointsState.History(resident).Read(state, PointsEntry.Parser, from, limit);

    public static PointsTotals NetworkTotals(IStateStore state) => PointsState.GetTotals(state, PointsState.TotalPath);
    public static PointsTotals StoreTotals(IStateStore state, string store) => PointsState.GetTotals(state, PointsState.StorePath(store));
    public static PointsTotals IssuerTotals(IStateStore state, string issuer) => PointsState.GetTotals(state, PointsState.IssuerPath(issuer));

    /// <summary>Points <paramref name="issuer"/> awarded in the UTC month of <paramref name="blockTimeMs"/>.</summary>
    public static ulong IssuedInMonth(IStateStore state, string issuer, long blockTimeMs) =>
        ProtoState.GetCounter(state, PointsState.IssuedPath(issuer, Periods.Month(blockTimeMs)));

    public static RedemptionRecord? Redemption(IStateStore state, Address resident, string redemptionId) =>
        Ids.IsToken(redemptionId) ? ProtoState.Get(state, PointsState.RedemptionPath(resident, redemptionId), RedemptionRecord.Parser) : null;
}
