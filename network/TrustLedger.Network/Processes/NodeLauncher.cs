using System.Collections.Concurrent;
using System.Diagnostics;
using TrustLedger.Network.Layout;

namespace TrustLedger.Network.Processes;

/// <summary>
/// Starts a node detached from tlnet: through <c>/bin/sh</c>, which points stdin at /dev/null, appends stdout and
/// stderr to the node's log and execs the node in a new session (<c>setsid</c>; <c>nohup</c> where there is none, as on
/// macOS). Both exec in place, so the pid tlnet records is the node's, and the node outlives tlnet and its terminal.
/// </summary>
public sealed class NodeLauncher(NodeBinary binary, string password, TimeProvider time)
{
    // $1 is the log file; the rest is the node's command line, passed as arguments so nothing is re-quoted.
    private const string Script = """
        log=$1; shift
        if command -v setsid >/dev/null 2>&1; then exec setsid "$@" </dev/null >>"$log" 2>&1; fi
        exec nohup "$@" </dev/null >>"$log" 2>&1
        """;

    // Kept so the runtime reaps them if they exit while this process lives (tests); an exited node is otherwise a zombie.
    private static readonly ConcurrentBag<Process> Started = [];

    public NodeBinary Binary { get; } = binary;

    /// <summary>Starts the node and returns its pid (not waiting for it to listen).</summary>
    public int Launch(NodeLayout node, IReadOnlyList<string> nodeArguments)
    {
        if (OperatingSystem.IsWindows()) throw new NetworkException("tlnet runs node processes on Linux and macOS only");
        Directory.CreateDirectory(node.DataDir);
        IReadOnlyList<string> command = [Binary.FileName, .. Binary.Arguments, .. nodeArguments];
        File.AppendAllText(node.LogPath, $"--- tlnet {time.GetUtcNow():yyyy-MM-dd HH:mm:ss}Z: {string.Join(' ', command)}{Environment.NewLine}");
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = node.Dir };
        foreach (var arg in (string[])["-c", Script, "tlnet-node", node.LogPath, .. command]) info.ArgumentList.Add(arg);
        info.Environment["TL_KEY_PASSWORD"] = password;
        var process = Process.Start(info) ?? throw new NetworkException($"could not start {Binary}");
        Started.Add(process);
        return process.Id;
    }
}
