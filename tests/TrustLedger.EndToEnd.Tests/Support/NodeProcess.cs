using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit.Abstractions;

namespace TrustLedger.EndToEnd.Tests.Support;

/// <summary>
/// A real TrustLedger node process on loopback, in dev mode, with its own data folder and ports.
/// <see cref="Kill"/> is SIGKILL (kill -9): no shutdown code runs.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly ITestOutputHelper? _output;
    private int _grpcPort = FreePort(), _siloPort = FreePort(), _gatewayPort = FreePort();
    private Process? _process;
    private readonly StringBuilder _log = new();

    private readonly IReadOnlyList<string>? _arguments;

    public NodeProcess(string dataDir, ITestOutputHelper? output = null, string suite = "eth")
    {
        DataDir = dataDir;
        Suite = suite;
        _output = output;
    }

    /// <summary>A node started with <paramref name="arguments"/> instead of <c>--dev</c> (data folder, ports and listen address are added).</summary>
    public NodeProcess(string dataDir, IReadOnlyList<string> arguments, ITestOutputHelper? output = null) : this(dataDir, output) => _arguments = arguments;

    /// <summary>Starts a follower of <paramref name="peer"/>: same genesis, the peer's client key as its member key, its own data folder.</summary>
    public static async Task<NodeProcess> StartFollower(NodeProcess peer, ITestOutputHelper? output = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "tl-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var genesis = Path.Combine(dir, "genesis.json");
        File.Copy(Path.Combine(peer.DataDir, "genesis.json"), genesis);
        var node = new NodeProcess(dir, ["--genesis", genesis, "--key", peer.ClientKeyPath, "--insecure-plaintext", "--follow", peer.Endpoint], output);
        await node.Start();
        return node;
    }

    public string DataDir { get; }
    public string Suite { get; }
    public string Endpoint => $"http://127.0.0.1:{_grpcPort}";
    public string ClientKeyPath => Path.Combine(DataDir, "client.key.json");
    public const string Password = "dev";
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Set before the kill signal is sent, so callers can tell their failed call was the kill.</summary>
    public bool Killing { get; private set; }

    /// <summary>Extra environment of the node process, e.g. <c>TL_Node__Records__ReplayGuardCapacity</c>; set before <see cref="Start"/>.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    public static async Task<NodeProcess> StartNew(ITestOutputHelper? output = null, string suite = "eth",
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "tl-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        var node = new NodeProcess(dir, output, suite);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) node.Environment[name] = value;
        await node.Start();
        return node;
    }

    /// <summary>
    /// Starts the process and waits until it listens. A port freed by a killed node can be taken by another test's
    /// process before the restart; then the node is started again on fresh ports (<see cref="Endpoint"/> changes).
    /// </summary>
    public async Task Start()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartOnce();
                return;
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                (_grpcPort, _siloPort, _gatewayPort) = (FreePort(), FreePort(), FreePort());
            }
        }
    }

    private async Task StartOnce()
    {
        if (IsRunning) throw new InvalidOperationException("node already running");
        Killing = false;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        IEnumerable<string> mode = _arguments ?? ["--dev", "--suite", Suite];
        foreach (var arg in new[] { NodeDll, "--data", DataDir, "--listen", $"127.0.0.1:{_grpcPort}",
                     "--silo-port", _siloPort.ToString(), "--gateway-port", _gatewayPort.ToString() }.Concat(mode))
            info.ArgumentList.Add(arg);
        info.Environment["TL_KEY_PASSWORD"] = Password;
        foreach (var (name, value) in Environment) info.Environment[name] = value;
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        void OnLine(string? line)
        {
            if (line is null) return;
            lock (_log) _log.AppendLine(line);
            if (line.Contains("TrustLedger node listening on")) ready.TrySetResult();
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"node exited with {process.ExitCode} before it was ready:\n{Log}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(90));
    }

    /// <summary>SIGKILL: the process dies mid-whatever, exactly like kill -9.</summary>
    public async Task Kill()
    {
        if (_process is null) return;
        Killing = true;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process = null;
    }

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    public async ValueTask DisposeAsync()
    {
        await Kill();
        _output?.WriteLine(Log.Length > 4000 ? Log[^4000..] : Log);
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string NodeDll => BuiltOutputs.Find("node/TrustLedger.Node", "TrustLedger.Node.dll");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
