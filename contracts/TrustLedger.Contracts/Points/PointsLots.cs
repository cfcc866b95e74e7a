using TrustLedger.Contracts.Messages;

namespace TrustLedger.Contracts.Points;

/// <summary>
/// Lot arithmetic on an account: lots are kept in spending order (earliest expiry first, never-expiring last,
/// ties in award order), so expiry and redemption are deterministic first-in-first-out.
/// </summary>
internal static class PointsLots
{
    private static long SortKey(long expiresAtMs) => expiresAtMs == 0 ? long.MaxValue : expiresAtMs;

    public static bool IsExpired(PointsLot lot, long blockTimeMs) => lot.ExpiresAtMs != 0 && blockTimeMs >= lot.ExpiresAtMs;

    /// <summary>Adds a lot in spending order, merging into a lot of the same issuer and expiry. False if the account is full.</summary>
    public static bool Add(PointsAccount account, PointsLot lot, int maxLots)
    {
        var same = account.Lots.FirstOrDefault(l => l.ExpiresAtMs == lot.ExpiresAtMs && l.IssuerOrganisation == lot.IssuerOrganisation);
        if (same is not null)
        {
            same.Remaining = checked(same.Remaining + lot.Remaining);
            return true;
        }
        if (account.Lots.Count >= maxLots) return false;
        var key = SortKey(lot.ExpiresAtMs);
        var index = 0;
        while (index < account.Lots.Count && SortKey(account.Lots[index].ExpiresAtMs) <= key) index++;
        account.Lots.Insert(index, lot);
        return true;
    }

    /// <summary>Removes the lots expired at <paramref name="blockTimeMs"/>; returns what they held, per issuer.</summary>
    public static IReadOnlyList<(string Issuer, ulong Amount)> TakeExpired(PointsAccount account, long blockTimeMs)
    {
        var taken = new List<(string, ulong)>();
        for (var i = account.Lots.Count - 1; i >= 0; i--)
        {
            var lot = account.Lots[i];
            if (!IsExpired(lot, blockTimeMs)) continue;
            taken.Insert(0, (lot.IssuerOrganisation, lot.Remaining));
            account.Lots.RemoveAt(i);
        }
        return taken;
    }

    /// <summary>Spends <paramref name="amount"/> from the front; the caller has checked the balance covers it.</summary>
    public static IReadOnlyList<(string Issuer, ulong Amount)> Spend(PointsAccount account, ulong amount)
    {
        var spent = new List<(string, ulong)>();
        while (amount > 0)
        {
            var lot = account.Lots[0];
            var take = lot.Remaining <= amount ? lot.Remaining : amount;
            spent.Add((lot.IssuerOrganisation, take));
            lot.Remaining = checked(lot.Remaining - take);
            amount = checked(amount - take);
            if (lot.Remaining == 0) account.Lots.RemoveAt(0);
        }
        return spent;
    }
}
