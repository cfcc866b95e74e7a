namespace TrustLedger.Node.Configuration;

/// <summary>
/// Node settings, bound from the <c>Node</c> section of appsettings.json / a <c>--config</c> file, environment
/// variables (<c>TL_Node__DataDir</c>) and the command line (<c>--data</c>, <c>--genesis</c>, <c>--key</c>, <c>--listen</c>, <c>--tls-cert</c>, <c>--tls-key</c>, <c>--dev</c>, <c>--insecure-plaintext</c>).
/// </summary>
public sealed class NodeOptions
{
    public const string Section = "Node";

    /// <summary>Folder holding the block log, indexes and (in dev mode) the generated keys and genesis.</summary>
    public string DataDir { get; set; } = ".data/node";

    /// <summary>Genesis file; defaults to <c>{DataDir}/genesis.json</c>.</summary>
    public string? Genesis { get; set; }

    /// <summary>This node's keystore (a validator key, or for a follower a member key); defaults to <c>{DataDir}/validator.key.json</c>.</summary>
    public string? Key { get; set; }

    /// <summary>Keystore password; prefer the <c>TL_KEY_PASSWORD</c> environment variable. Never logged.</summary>
    public string? KeyPassword { get; set; }

    /// <summary>gRPC endpoint, host:port: HTTP/2 over TLS 1.3 with client certificates, or plaintext for <c>--dev</c> (loopback only).</summary>
    public string Listen { get; set; } = "127.0.0.1:5080";

    /// <summary>This node's TLS certificate (PEM): server certificate of its listener, client certificate towards its peers.</summary>
    public string? TlsCert { get; set; }

    /// <summary>The private key of <see cref="TlsCert"/> (PEM, unencrypted; keep the file 0600).</summary>
    public string? TlsKey { get; set; }

    /// <summary>Serve and dial plaintext HTTP/2 although this is not a dev node (<c>--insecure-plaintext</c>; logged as a warning).</summary>
    public bool InsecurePlaintext { get; set; }

    /// <summary>True when <see cref="Listen"/> names a loopback address.</summary>
    public bool IsLoopbackListen
    {
        get
        {
            var host = Listen[..Math.Max(0, Listen.LastIndexOf(':'))].Trim('[', ']');
            return host == "localhost" || (System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address));
        }
    }

    /// <summary>Create a one-node dev network in <see cref="DataDir"/> if it has no genesis yet.</summary>
    public bool Dev { get; set; }

    /// <summary>Serve gRPC reflection (what grpcurl lists): null = only in dev mode; true / false to choose (--reflection).</summary>
    public bool? Reflection { get; set; }

    public bool ReflectionEnabled => Reflection ?? Dev;

    /// <summary>Crypto suite for a new dev network: eth or sm.</summary>
    public string DevSuite { get; set; } = "eth";

    /// <summary>
    /// A peer's gRPC endpoint to follow (https://host:port; http:// only with <c>--insecure-plaintext</c>). A node whose key is not a validator follows the chain:
    /// it imports the peer's blocks after checking each one, and forwards submitted transactions to the peer.
    /// </summary>
    public string? Follow { get; set; }

    /// <summary>
    /// The other validators' gRPC endpoints, comma-separated (https://host:port,…). Required on a validator of a network
    /// with several validators: consensus traffic goes to and comes from them (authenticated by validator keys).
    /// </summary>
    public string? Peers { get; set; }

    /// <summary>How long a proposer with nothing to propose waits for transactions before proposing an empty block
    /// (with peers; a lone dev-mode validator proposes no empty blocks).</summary>
    public int EmptyBlockDelayMs { get; set; } = 1000;

    /// <summary>Consensus timeouts scale (1 = propose 3 s, prevote/precommit 1 s, +0.5 s per round); lower for tests on loopback.</summary>
    public double TimeoutScale { get; set; } = 1;

    public IReadOnlyList<string> PeerList =>
        (Peers ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;

    public int MempoolCapacity { get; set; } = 200_000;

    public string GenesisPath => Genesis ?? Path.Combine(DataDir, "genesis.json");
    public string KeyPath => Key ?? Path.Combine(DataDir, "validator.key.json");
    public string BlocksDir => Path.Combine(DataDir, "blocks");
    public string ConsensusDir => Path.Combine(DataDir, "consensus");

    /// <summary>Password for dev-mode keys when none is given. Dev networks are not for real data.</summary>
    public const string DevPassword = "dev";

    public static readonly Dictionary<string, string> SwitchMappings = new()
    {
        ["--data"] = $"{Section}:DataDir",
        ["--genesis"] = $"{Section}:Genesis",
        ["--key"] = $"{Section}:Key",
        ["--listen"] = $"{Section}:Listen",
        ["--suite"] = $"{Section}:DevSuite",
        ["--follow"] = $"{Section}:Follow",
        ["--silo-port"] = $"{Section}:SiloPort",
        ["--gateway-port"] = $"{Section}:GatewayPort",
        ["--peers"] = $"{Section}:Peers",
        ["--empty-block-delay-ms"] = $"{Section}:EmptyBlockDelayMs",
        ["--timeout-scale"] = $"{Section}:TimeoutScale",
        ["--tls-cert"] = $"{Section}:TlsCert",
        ["--tls-key"] = $"{Section}:TlsKey",
        ["--reflection"] = $"{Section}:Reflection",
    };
}
