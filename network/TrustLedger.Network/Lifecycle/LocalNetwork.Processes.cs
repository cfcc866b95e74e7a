using TrustLedger.Network.Processes;

namespace TrustLedger.Network.Lifecycle;

public sealed partial class LocalNetwork
{
    /// <summary>How long <see cref="StopAsync"/> waits after SIGTERM by default: a node flushes and closes its store.</summary>
    public static readonly TimeSpan DefaultStopTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Starts node <paramref name="index"/> unless it runs; does not wait for it to answer (<see cref="WaitReadyAsync"/>).</summary>
    /// <returns>False when it was already running.</returns>
    /// <exception cref="PortInUseException">Another process holds one of the node's ports.</exception>
    public bool Start(int index, NodeLauncher launcher)
    {
        var node = Node(index);
        if (RunningPid(index) is not null) return false;
        foreach (var (port, purpose) in new Generation.NodePorts(node.GrpcPort, node.SiloPort, node.GatewayPort).All)
            if (!PortProbe.IsFree(port))
                throw new PortInUseException(port, $"port {port} (node {index} {purpose}) is already in use by another process; free it " +
                    $"(this network's ports are fixed in its genesis), or create a network in another folder with another --base-port");
        var files = Files(index);
        var pid = launcher.Launch(files, NodeCommandLine.For(Layout, Manifest, node));
        PidFile.Write(files.PidPath, pid);
        return true;
    }

    /// <summary>SIGTERM, then waits for the process to exit.</summary>
    /// <returns>False when the node was not running.</returns>
    /// <exception cref="NetworkException">It did not exit within <paramref name="timeout"/>.</exception>
    public async Task<bool> StopAsync(int index, TimeSpan? timeout = null, CancellationToken cancellation = default) =>
        await EndAsync(index, Signals.Term, timeout ?? DefaultStopTimeout, cancellation);

    /// <summary>SIGKILL (kill -9): the node gets no chance to shut down, as in a crash.</summary>
    public async Task<bool> KillAsync(int index, CancellationToken cancellation = default) =>
        await EndAsync(index, Signals.Kill, TimeSpan.FromSeconds(10), cancellation);

    private async Task<bool> EndAsync(int index, int signal, TimeSpan timeout, CancellationToken cancellation)
    {
        var files = Files(index);
        if (RunningPid(index) is not { } pid)
        {
            PidFile.Delete(files.PidPath);
            return false;
        }
        Signals.Send(pid, signal);
        if (!await ProcessProbe.WaitForExitAsync(pid, files.DataDir, timeout, _time, cancellation))
            throw new NetworkException(signal == Signals.Term
                ? $"node {index} (pid {pid}) did not exit within {timeout.TotalSeconds:0} s of SIGTERM; `tlnet kill --dir {Layout.Root} {index}` ends it at once"
                : $"node {index} (pid {pid}) is still running {timeout.TotalSeconds:0} s after SIGKILL");
        PidFile.Delete(files.PidPath);
        return true;
    }

    /// <summary>Deletes node <paramref name="index"/>'s data folder (block log, indexes, records); its keys stay.</summary>
    /// <returns>False when there was no data folder.</returns>
    /// <exception cref="NetworkException">The node is running.</exception>
    public bool Wipe(int index)
    {
        if (RunningPid(index) is { } pid)
            throw new NetworkException($"node {index} is running (pid {pid}); stop it first: `tlnet stop --dir {Layout.Root} {index}`");
        var data = Files(index).DataDir;
        if (!Directory.Exists(data)) return false;
        Directory.Delete(data, recursive: true);
        return true;
    }

    /// <summary>Stops every running node (in parallel), then deletes the folder unless <paramref name="keep"/>.</summary>
    /// <returns>The nodes that were running.</returns>
    public async Task<IReadOnlyList<int>> DownAsync(bool keep, TimeSpan? timeout = null, CancellationToken cancellation = default)
    {
        var stopped = await Task.WhenAll(Nodes.Select(async n => (n.Index, Stopped: await StopAsync(n.Index, timeout, cancellation))));
        if (!keep) Directory.Delete(Layout.Root, recursive: true);
        return [.. stopped.Where(s => s.Stopped).Select(s => s.Index)];
    }
}
