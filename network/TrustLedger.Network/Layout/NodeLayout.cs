namespace TrustLedger.Network.Layout;

/// <summary>The files of one node: its two keys, its organisation's TLS CA, node and client certificates, its data folder (block log, indexes, records), its log and pid file.</summary>
public sealed class NodeLayout(string dir)
{
    public string Dir { get; } = dir;

    /// <summary>The organisation's validator key, which the node signs blocks with.</summary>
    public string ValidatorKeyPath => Path.Combine(Dir, "validator.key.json");

    /// <summary>The organisation's member key, for clients (<c>tl --key</c>, the SDK).</summary>
    public string ClientKeyPath => Path.Combine(Dir, "client.key.json");

    /// <summary>The node's <c>--data</c> folder; <c>wipe</c> deletes it and nothing else.</summary>
    public string DataDir => Path.Combine(Dir, "data");

    /// <summary>stdout and stderr of every run, appended.</summary>
    public string LogPath => Path.Combine(Dir, "node.log");

    public string PidPath => Path.Combine(Dir, "node.pid");

    /// <summary>The organisation's TLS CA certificate (pinned in the genesis) and its key (0600).</summary>
    public string CaCertPath => Path.Combine(Dir, "ca.crt");
    public string CaKeyPath => Path.Combine(Dir, "ca.key");

    /// <summary>The node's TLS certificate and key (<c>--tls-cert</c>/<c>--tls-key</c> of the node).</summary>
    public string NodeCertPath => Path.Combine(Dir, "node.crt");
    public string NodeKeyPath => Path.Combine(Dir, "node.key");

    /// <summary>The organisation's client TLS certificate and key (<c>tl --tls-cert/--tls-key</c>), next to <see cref="ClientKeyPath"/>.</summary>
    public string ClientCertPath => Path.Combine(Dir, "client.crt");
    public string ClientTlsKeyPath => Path.Combine(Dir, "client.key");
}
