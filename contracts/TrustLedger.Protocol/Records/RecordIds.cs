using System.Text;

namespace TrustLedger.Protocol.Records;

/// <summary>
/// The identifiers a record request names. Grant and dataset ids are the ledger's object ids in canonical form
/// (64 lower-case hex digits, no <c>0x</c>) so one request has one signed encoding. A record key is the owner's
/// own identifier for a record (often a personal identifier): 1–256 UTF-8 bytes without control characters.
/// It travels only inside signed requests to the owner's node and inside hashes; never on the ledger in clear.
/// </summary>
public static class RecordIds
{
    public const int MaxRecordKeyBytes = 256;
    private const int IdLength = 64;

    /// <summary>True for a canonical object id: 64 lower-case hex digits.</summary>
    public static bool IsCanonicalId(string? id)
    {
        if (id is not { Length: IdLength }) return false;
        foreach (var c in id)
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f'))) return false;
        return true;
    }

    /// <summary>An object id in canonical form (accepts <c>0x</c> and upper case), or null if it is not 64 hex digits.</summary>
    public static string? Canonical(string? id)
    {
        if (id is null) return null;
        var digits = (id.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? id[2..] : id).ToLowerInvariant();
        return IsCanonicalId(digits) ? digits : null;
    }

    /// <summary>Null when <paramref name="recordKey"/> is acceptable, else why not (the reason never repeats the key).</summary>
    public static string? CheckRecordKey(string? recordKey)
    {
        if (string.IsNullOrEmpty(recordKey)) return "record key is required";
        int bytes;
        try
        {
            bytes = StrictUtf8.GetByteCount(recordKey);
        }
        catch (EncoderFallbackException)
        {
            return "record key is not valid Unicode";
        }
        if (bytes > MaxRecordKeyBytes) return $"record key is longer than {MaxRecordKeyBytes} UTF-8 bytes";
        foreach (var c in recordKey)
            if (char.IsControl(c)) return "record key contains a control character";
        return null;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
