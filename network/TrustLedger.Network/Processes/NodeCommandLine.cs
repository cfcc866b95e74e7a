using TrustLedger.Network.Layout;

namespace TrustLedger.Network.Processes;

/// <summary>The node's switches for one node of the network (absolute paths, so its working directory does not matter).</summary>
public static class NodeCommandLine
{
    public static IReadOnlyList<string> For(NetworkLayout layout, NetworkManifest manifest, NodeEntry node)
    {
        var files = layout.Node(node.Index);
        List<string> args =
        [
            "--data", files.DataDir,
            "--genesis", layout.GenesisPath,
            "--key", files.ValidatorKeyPath,
            "--listen", $"127.0.0.1:{node.GrpcPort}",
            "--silo-port", node.SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--gateway-port", node.GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
        // A network generated before TLS (or with --plaintext) runs plaintext, which a non-dev node does only when told.
        args.AddRange(node.Tls ? ["--tls-cert", files.NodeCertPath, "--tls-key", files.NodeKeyPath] : ["--insecure-plaintext"]);
        var peers = manifest.Nodes.Where(n => n.Index != node.Index).Select(n => n.Endpoint).ToList();
        if (peers.Count > 0) args.AddRange(["--peers", string.Join(',', peers)]);
        return args;
    }
}
