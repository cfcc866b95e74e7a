namespace TrustLedger.Network.Lifecycle;

/// <summary>One node as <c>tlnet status</c> shows it. Chain fields are null when the node does not answer.</summary>
public sealed record NodeState(
    int Node, string Organisation, string Endpoint, string Validator, int? Pid, bool Running, bool Answering,
    ulong? Height, string? Role, DateTimeOffset? LastBlockTime)
{
    /// <summary>stopped, starting (running, not answering yet) or running.</summary>
    public string State => !Running ? "stopped" : Answering ? "running" : "starting";
}

public sealed partial class LocalNetwork
{
    /// <summary>Every node's process and, for those that answer, its chain view; nodes are asked in parallel.</summary>
    public async Task<IReadOnlyList<NodeState>> StatusAsync(CancellationToken cancellation = default) =>
        await Task.WhenAll(Nodes.Select(async node =>
        {
            var pid = RunningPid(node.Index);
            var info = pid is null ? null : await AskAsync(node, cancellation);
            return new NodeState(node.Index, node.Organisation, node.Endpoint, ValidatorAddress(node.Index).ToString(), pid, pid is not null,
                info is not null, info?.Height, info is null ? null : info.Upstream.Length == 0 ? info.Role : $"{info.Role} of {info.Upstream}",
                info?.HeadTime);
        }));
}
