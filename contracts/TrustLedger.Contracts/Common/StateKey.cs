namespace TrustLedger.Contracts.Common;

/// <summary>State keys are readable UTF-8 paths such as <c>d/grant/{id}</c>; ids never contain '/'.</summary>
public static class StateKey
{
    public static byte[] Of(string path) => System.Text.Encoding.UTF8.GetBytes(path);

    /// <summary>A fixed-width decimal position, so keys of one list sort in list order.</summary>
    public static string Position(ulong index) => index.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
}
