namespace TrustLedger.Protocol.Primitives;

/// <summary>Lower-case hex with an optional 0x prefix on input and a 0x prefix on output.</summary>
public static class Hex
{
    public static string Encode(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    public static byte[] Decode(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;
        if (digits.Length % 2 != 0)
            throw new FormatException("hex string has an odd number of digits");
        try
        {
            return Convert.FromHexString(digits);
        }
        catch (FormatException)
        {
            throw new FormatException($"not a hex string: '{Truncate(hex)}'");
        }
    }

    public static bool TryDecode(string? hex, out byte[] bytes)
    {
        bytes = [];
        if (hex is null) return false;
        try { bytes = Decode(hex); return true; }
        catch (FormatException) { return false; }
    }

    private static string Truncate(string s) => s.Length <= 24 ? s : s[..24] + "…";
}
