using System.Globalization;
using TrustLedger.Network.Layout;

namespace TrustLedger.Network.Processes;

/// <summary>The node's <c>node.pid</c>: written by tlnet when it starts the node, removed when tlnet stops it.</summary>
public static class PidFile
{
    public static int? Read(string path)
    {
        if (!File.Exists(path)) return null;
        return int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;
    }

    public static void Write(string path, int pid) => AtomicFile.Write(path, pid.ToString(CultureInfo.InvariantCulture) + "\n");

    public static void Delete(string path) => File.Delete(path);
}
