using System.Text.RegularExpressions;
using TrustLedger.Contracts.Abstractions;

namespace TrustLedger.Contracts.Common;

/// <summary>
/// Ids of created objects are the creating transaction's id in lower-case hex without <c>0x</c>
/// (one transaction creates at most one object per contract), so they are deterministic and unique.
/// </summary>
public static partial class Ids
{
    public static string FromTx(TxContext tx) => Convert.ToHexStringLower(tx.TxId.ToArray());

    /// <summary>Accepts an object id with or without <c>0x</c> and in any case; null if it is not 64 hex digits.</summary>
    public static string? Normalise(string? id)
    {
        if (id is null) return null;
        var digits = id.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? id[2..] : id;
        return TxIdPattern().IsMatch(digits) ? digits.ToLowerInvariant() : null;
    }

    /// <summary>Organisation ids: 1–64 of letters, digits, '.', '_', '-', starting with a letter or digit.</summary>
    public static bool IsOrganisationId(string? id) => id is not null && OrganisationIdPattern().IsMatch(id);

    /// <summary>Client-chosen ids (redemption ids, reason codes): 1–64 of letters, digits, '.', '_', '-', ':'.</summary>
    public static bool IsToken(string? id) => id is not null && TokenPattern().IsMatch(id);

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex TxIdPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex OrganisationIdPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")]
    private static partial Regex TokenPattern();
}
