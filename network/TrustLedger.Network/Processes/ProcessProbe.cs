namespace TrustLedger.Network.Processes;

/// <summary>
/// Is the node behind a pid file running, and has it fully exited? A pid can outlive its process (pid files of a crashed
/// node, pids the system reuses, zombies nothing reaps), so on Linux a running node is a live process started with this
/// node's data folder on its command line. Elsewhere, existence of the pid is all that is checked.
/// </summary>
public static class ProcessProbe
{
    /// <summary>
    /// True while the process runs as this node. An empty command line counts: a process has none for a moment during
    /// exec (the launcher execs twice on its way to the node) and while it exits; only another command means another process.
    /// </summary>
    public static bool IsNode(int pid, string dataDir)
    {
        if (!OperatingSystem.IsLinux()) return Signals.Send(pid, 0);
        try
        {
            if (State(pid) is 'Z' or 'X') return false;
            var commandLine = CommandLine(pid);
            return commandLine.Length == 0 || commandLine.Contains(dataDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // gone between the reads, or not ours
        }
    }

    /// <summary>
    /// True once the process has let go of everything, its ports included. A dying process is not yet there when it
    /// looks gone: its memory (so its command line) goes first, and its main thread can be a zombie while other threads
    /// still hold the open sockets, which close with the last thread.
    /// </summary>
    public static bool HasExited(int pid, string dataDir)
    {
        if (!OperatingSystem.IsLinux()) return !Signals.Send(pid, 0);
        try
        {
            if (State(pid) is 'Z' or 'X') return Directory.GetDirectories($"/proc/{pid}/task").Length <= 1;
            var commandLine = CommandLine(pid);
            return commandLine.Length > 0 && !commandLine.Contains(dataDir); // empty: exiting; another command: pid reused
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true; // no /proc entry: reaped
        }
    }

    /// <summary>Waits until <see cref="HasExited"/>, checking every 50 ms, at most <paramref name="timeout"/>.</summary>
    /// <returns>False if it is still running at the deadline.</returns>
    public static async Task<bool> WaitForExitAsync(int pid, string dataDir, TimeSpan timeout, TimeProvider time, CancellationToken cancellation)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (!HasExited(pid, dataDir))
        {
            if (time.GetUtcNow() >= deadline) return false;
            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellation);
        }
        return true;
    }

    // /proc/PID/stat is "pid (comm) S …": the state letter follows the last ')', since comm may hold spaces or ')'.
    private static char State(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault();
    }

    private static string[] CommandLine(int pid)
    {
        var text = File.ReadAllText($"/proc/{pid}/cmdline");
        return text.Length == 0 ? [] : text.TrimEnd('\0').Split('\0');
    }
}
