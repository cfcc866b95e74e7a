namespace TrustLedger.Network.Layout;

/// <summary>Writes a small file through a temporary file and a rename, so a reader never sees half of it.</summary>
internal static class AtomicFile
{
    public static void Write(string path, string text)
    {
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }
}
