using System.Globalization;

namespace TrustLedger.Contracts.Common;

/// <summary>Calendar buckets of block time (UTC), for statistics and per-period caps.</summary>
public static class Periods
{
    public static string Day(long blockTimeMs) => At(blockTimeMs).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string Month(long blockTimeMs) => At(blockTimeMs).ToString("yyyyMM", CultureInfo.InvariantCulture);

    private static DateTime At(long blockTimeMs) => DateTimeOffset.FromUnixTimeMilliseconds(blockTimeMs).UtcDateTime;
}
