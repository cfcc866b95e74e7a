using Grpc.Core;
using TrustLedger.Network.Processes;
using TrustLedger.Sdk;
using TrustLedger.Sdk.Tls;

namespace TrustLedger.Network.Lifecycle;

/// <summary>How many of the awaited nodes answer, and since when tlnet waits.</summary>
public readonly record struct ReadinessProgress(int Ready, int Total, TimeSpan Elapsed);

public sealed partial class LocalNetwork
{
    public static readonly TimeSpan DefaultReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Waits until every node in <paramref name="indexes"/> answers GetStatus.</summary>
    /// <exception cref="NodeExitedException">A node's process ended first; the message ends with its log's tail.</exception>
    /// <exception cref="NetworkException">Some node did not answer within <paramref name="timeout"/>.</exception>
    public async Task WaitReadyAsync(IReadOnlyCollection<int> indexes, TimeSpan timeout, IProgress<ReadinessProgress>? progress = null, CancellationToken cancellation = default)
    {
        var started = _time.GetUtcNow();
        var pending = new SortedSet<int>(indexes.Select(i => Node(i).Index));
        progress?.Report(new(0, indexes.Count, TimeSpan.Zero));
        while (true)
        {
            foreach (var index in pending.ToList())
            {
                if (await AskAsync(Node(index), cancellation) is not null) pending.Remove(index);
                else if (RunningPid(index) is null) throw Exited(index);
            }
            var elapsed = _time.GetUtcNow() - started;
            progress?.Report(new(indexes.Count - pending.Count, indexes.Count, elapsed));
            if (pending.Count == 0) return;
            if (elapsed >= timeout)
                throw new NetworkException($"node{(pending.Count > 1 ? "s" : "")} {string.Join(", ", pending)} did not answer within {timeout.TotalSeconds:0} s; " +
                    $"see `tlnet logs --dir {Layout.Root} {pending.Min}`, or wait longer with --timeout");
            await Task.Delay(PollInterval, _time, cancellation);
        }
    }

    /// <summary>The node's status, or null if it does not answer within a short deadline.</summary>
    private async Task<NodeInfo?> AskAsync(Layout.NodeEntry node, CancellationToken cancellation)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(CallTimeout);
        try
        {
            using var client = await TrustLedgerClient.ConnectAsync(node.Endpoint, null, ClientTls(node), deadline.Token);
            return client.Node;
        }
        catch (Exception e) when (e is RpcException or HttpRequestException || (e is OperationCanceledException && !cancellation.IsCancellationRequested))
        {
            return null;
        }
    }

    /// <summary>
    /// How tlnet (and tests) call <paramref name="node"/>: as org1's client certificate, verifying the node against the
    /// network's CA bundle; null for a plaintext node.
    /// </summary>
    public TlsClientOptions? ClientTls(Layout.NodeEntry node, int asOrganisation = 1) =>
        node.Tls ? new TlsClientOptions(Files(asOrganisation).ClientCertPath, Files(asOrganisation).ClientTlsKeyPath, Layout.CaBundlePath) : null;

    private NodeExitedException Exited(int index)
    {
        var files = Files(index);
        var tail = NodeLog.Tail(files.LogPath, 20);
        var others = Nodes.Where(n => n.Index != index && RunningPid(n.Index) is not null).Select(n => n.Index).ToList();
        return new NodeExitedException(index,
            $"node {index} ({Node(index).Organisation}) exited during start; the last lines of {files.LogPath}:{Environment.NewLine}" +
            string.Join(Environment.NewLine, tail.Select(line => "  " + line)) +
            (others.Count == 0 ? "" : $"{Environment.NewLine}still running: node{(others.Count == 1 ? "" : "s")} {string.Join(", ", others)} " +
                $"(`tlnet status --dir {Layout.Root}`, `tlnet down --dir {Layout.Root} --keep`)"));
    }
}
