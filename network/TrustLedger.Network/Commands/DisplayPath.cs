namespace TrustLedger.Network.Commands;

/// <summary>Paths as printed for copy and paste: relative to the current folder when below it, else absolute.</summary>
internal static class DisplayPath
{
    public static string Of(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
        return shown.Contains(' ') ? $"'{shown}'" : shown;
    }
}
