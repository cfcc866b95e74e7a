using System.Runtime.InteropServices;

namespace TrustLedger.Network.Processes;

/// <summary>kill(2): .NET can send SIGKILL (<c>Process.Kill</c>) but not SIGTERM, and only to processes it started.</summary>
internal static partial class Signals
{
    public const int Term = 15;
    public const int Kill = 9;

    /// <returns>False when no such process exists (ESRCH).</returns>
    /// <exception cref="NetworkException">The signal was refused for another reason (e.g. another user's process).</exception>
    public static bool Send(int pid, int signal)
    {
        if (SendSignal(pid, signal) == 0) return true;
        var errno = Marshal.GetLastPInvokeError();
        const int NoSuchProcess = 3;
        if (errno == NoSuchProcess) return false;
        throw new NetworkException($"cannot signal process {pid} (errno {errno})");
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
