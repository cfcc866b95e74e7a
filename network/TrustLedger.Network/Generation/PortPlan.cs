namespace TrustLedger.Network.Generation;

/// <summary>
/// Node K's ports from the base port B: gRPC B+K, Orleans silo B+100+K, Orleans gateway B+200+K. Blocks of 100 keep
/// every port distinct for up to <see cref="MaxNodes"/> nodes and easy to read off (<c>5101</c> is node 1's gRPC).
/// </summary>
public static class PortPlan
{
    public const int MaxNodes = 99;

    public static NodePorts For(int basePort, int index) => new(basePort + index, basePort + 100 + index, basePort + 200 + index);

    /// <returns>Why the base port cannot serve <paramref name="nodes"/> nodes, or null.</returns>
    public static string? Problem(int basePort, int nodes)
    {
        if (nodes is < 1 or > MaxNodes) return $"--nodes must be 1–{MaxNodes}, got {nodes}";
        if (basePort < 1024) return $"--base-port must be at least 1024 (unprivileged), got {basePort}";
        if (For(basePort, nodes).Gateway > ushort.MaxValue) return $"--base-port {basePort} leaves no room for {nodes} nodes' gateway ports (base + 200 + nodes must be at most 65535)";
        return null;
    }
}

/// <summary>The three loopback ports one node listens on.</summary>
public readonly record struct NodePorts(int Grpc, int Silo, int Gateway)
{
    public IEnumerable<(int Port, string Purpose)> All => [(Grpc, "gRPC"), (Silo, "Orleans silo"), (Gateway, "Orleans gateway")];
}
