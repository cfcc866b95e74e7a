namespace TrustLedger.Network.Layout;

/// <summary>The files of one node: its two keys, its data folder (block log, indexes, records), its log and pid file.</summary>
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
}
