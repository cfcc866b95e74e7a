using TrustLedger.Protocol.Crypto.KeyFiles;
using System.CommandLine;
using TrustLedger.Protocol.Crypto;

namespace TrustLedger.Cli.Commands;

/// <summary>Options shared by every command, and how keys are unlocked.</summary>
internal static class CommonOptions
{
    public static readonly Option<string> Node = new("--node", "-n")
    {
        Description = "Node gRPC endpoint (env TL_NODE)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TL_NODE") ?? "http://127.0.0.1:5080",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print machine-readable JSON instead of text",
        Recursive = true,
    };

    public static readonly Option<string> Key = new("--key", "-k")
    {
        Description = "Keystore file to sign with and to identify yourself to the node for reads (env TL_KEY; password from TL_KEY_PASSWORD)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TL_KEY") ?? DefaultKeyPath,
        Recursive = true,
    };

    /// <summary>The dev node's client key, used when no --key or TL_KEY is given.</summary>
    public const string DefaultKeyPath = ".data/node/client.key.json";

    public static readonly Option<string?> TlsCert = new("--tls-cert")
    {
        Description = "PEM client certificate for mutual TLS with https:// nodes (env TL_TLS_CERT)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TL_TLS_CERT"),
        Recursive = true,
    };

    public static readonly Option<string?> TlsKey = new("--tls-key")
    {
        Description = "PEM private key of --tls-cert (env TL_TLS_KEY)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TL_TLS_KEY"),
        Recursive = true,
    };

    public static readonly Option<string?> Ca = new("--ca")
    {
        Description = "PEM CA certificate the node's TLS certificate must chain to; the OS store is not used (env TL_CA)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TL_CA"),
        Recursive = true,
    };

    public static IEnumerable<Option> Global => [Node, Json, Key, TlsCert, TlsKey, Ca];

    /// <summary>Mutual TLS from --tls-cert/--tls-key/--ca (or TL_TLS_CERT/TL_TLS_KEY/TL_CA); null when none is given.</summary>
    public static Sdk.Tls.TlsClientOptions? Tls(ParseResult parse)
    {
        var tls = Sdk.Tls.TlsClientOptions.From(parse.GetValue(TlsCert), parse.GetValue(TlsKey), parse.GetValue(Ca));
        if (tls is null && parse.GetValue(Node) is { } node && node.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            throw new CliException($"{node} serves mutual TLS: give --tls-cert, --tls-key and --ca (or TL_TLS_CERT, TL_TLS_KEY and TL_CA); `tlnet up` prints them");
        return tls;
    }

    /// <summary>The password of dev networks' keys (<c>tl genesis dev</c>, <c>tlnet</c>, <c>tl demo</c>).</summary>
    public const string DevPassword = "dev";

    /// <summary>
    /// The password that unlocks a keystore (and that <c>tl genesis dev</c> writes its keys with): TL_KEY_PASSWORD,
    /// else the dev password with a note on stderr. <c>tl key new</c> never falls back: see <see cref="NewKeyPassword"/>.
    /// </summary>
    public static string Password()
    {
        if (Environment.GetEnvironmentVariable("TL_KEY_PASSWORD") is { Length: > 0 } password) return password;
        Console.Error.WriteLine("note: TL_KEY_PASSWORD is not set; using the dev password. Set it for real keys.");
        return DevPassword;
    }

    public static KeyPair LoadKey(string path) =>
        File.Exists(path) ? KeyFile.Load(path, Password()) : throw new CliException($"key file {path} not found (create one with `tl key new`)");
}

/// <summary>An error to show the user as one line, exit code 1, no stack trace.</summary>
internal sealed class CliException(string message) : Exception(message);
