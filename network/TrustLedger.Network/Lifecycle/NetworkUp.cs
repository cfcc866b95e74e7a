using TrustLedger.Network.Generation;
using TrustLedger.Network.Layout;
using TrustLedger.Network.Processes;

namespace TrustLedger.Network.Lifecycle;

/// <summary>
/// What <c>tlnet up</c> asks for. Null shape fields mean "the default" for a new network and "as it is" for an existing
/// one; a value that contradicts an existing network is an error rather than silently ignored.
/// </summary>
public sealed record UpRequest(string Dir, int? Nodes = null, string? Suite = null, int? BasePort = null, string? ChainId = null, int? Admins = null)
{
    /// <summary>Generate a plaintext network (<c>--plaintext</c>, for comparisons); by default every node serves mutual TLS.</summary>
    public bool Plaintext { get; init; }

    public TimeSpan Timeout { get; init; } = LocalNetwork.DefaultReadyTimeout;
}

/// <summary>The network <c>up</c> brought up, whether it generated it, and which nodes it started.</summary>
public sealed record UpResult(LocalNetwork Network, bool Created, IReadOnlyList<int> Started, IReadOnlyList<int> AlreadyRunning);

/// <summary><c>tlnet up</c>: generate the network if the folder has none, start the nodes that are not running, wait until all answer.</summary>
public static class NetworkUp
{
    public static async Task<UpResult> RunAsync(UpRequest request, NodeLauncher launcher, string password, TimeProvider time,
        IProgress<ReadinessProgress>? progress = null, CancellationToken cancellation = default)
    {
        var created = !LocalNetwork.Exists(request.Dir);
        if (created)
        {
            var spec = new NetworkSpec(request.Nodes ?? NetworkSpec.DefaultNodes, request.Suite ?? "eth",
                request.BasePort ?? NetworkSpec.DefaultBasePort, request.ChainId ?? NetworkSpec.DefaultChainId, request.Admins ?? NetworkSpec.DefaultAdmins,
                Tls: !request.Plaintext);
            spec.Validate();
            NetworkGenerator.CheckFolder(new NetworkLayout(request.Dir));
            CheckPortsFree(spec);
            NetworkGenerator.Create(new NetworkLayout(request.Dir), spec, password, time);
        }
        var network = LocalNetwork.Open(request.Dir, time);
        if (!created) CheckMatches(network, request);

        var started = new List<int>();
        var running = new List<int>();
        foreach (var node in network.Nodes)
            (network.Start(node.Index, launcher) ? started : running).Add(node.Index);
        await network.WaitReadyAsync([.. network.Nodes.Select(n => n.Index)], request.Timeout, progress, cancellation);
        return new UpResult(network, created, started, running);
    }

    /// <summary>Before anything is written: every port of the new network is free, or the user hears which is not.</summary>
    private static void CheckPortsFree(NetworkSpec spec)
    {
        for (var index = 1; index <= spec.Nodes; index++)
            foreach (var (port, purpose) in PortPlan.For(spec.BasePort, index).All)
                if (!PortProbe.IsFree(port))
                    throw new PortInUseException(port, $"port {port} (node {index} {purpose}) is already in use; choose other ports with --base-port" +
                        (SuggestBasePort(spec) is { } free ? $" (e.g. --base-port {free})" : ""));
    }

    private static int? SuggestBasePort(NetworkSpec spec)
    {
        for (var candidate = spec.BasePort + 1000; PortPlan.Problem(candidate, spec.Nodes) is null && candidate < spec.BasePort + 10_000; candidate += 1000)
            if (Enumerable.Range(1, spec.Nodes).SelectMany(i => PortPlan.For(candidate, i).All).All(p => PortProbe.IsFree(p.Port)))
                return candidate;
        return null;
    }

    private static void CheckMatches(LocalNetwork network, UpRequest request)
    {
        var manifest = network.Manifest;
        string? Mismatch(string option, object? asked, object actual) =>
            asked is null || Equals(asked, actual) ? null : $"{option} {asked} (the network has {actual})";
        var conflicts = new[]
        {
            Mismatch("--nodes", request.Nodes, manifest.Nodes.Count),
            Mismatch("--suite", request.Suite, manifest.Suite),
            Mismatch("--base-port", request.BasePort, manifest.BasePort),
            Mismatch("--chain-id", request.ChainId, manifest.ChainId),
            Mismatch("--admins", request.Admins, manifest.Admins),
            request.Plaintext && manifest.Nodes.Any(n => n.Tls) ? "--plaintext (the network serves mutual TLS)" : null,
        }.OfType<string>().ToList();
        if (conflicts.Count > 0)
            throw new NetworkException($"{network.Layout.Root} already holds a network; {string.Join(", ", conflicts)} cannot change it. " +
                $"Run `tlnet up --dir {network.Layout.Root}` without them, or `tlnet down --dir {network.Layout.Root}` first");
    }
}
