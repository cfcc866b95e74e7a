using System.CommandLine;
using TrustLedger.Network.Lifecycle;

namespace TrustLedger.Network.Commands;

/// <summary>Options and arguments several commands share.</summary>
internal static class CommonOptions
{
    public static Option<string> Dir() => new("--dir", "-d") { Description = "The network's folder", Required = true };

    public static readonly Option<bool> Json = new("--json") { Description = "Print machine-readable JSON instead of text", Recursive = true };

    public static Option<string?> NodeBin() => new("--node-bin")
    {
        Description = "The node to run: a TrustLedger.Node.dll (run with dotnet) or an executable; default: node/TrustLedger.Node.dll beside tlnet",
    };

    public static Option<int> Timeout(string what, TimeSpan fallback) => new("--timeout")
    {
        Description = $"Seconds to wait for {what}",
        DefaultValueFactory = _ => (int)fallback.TotalSeconds,
    };

    public static Argument<int> NodeIndex() => new("node") { Description = "Node number K (node K runs organisation orgK)" };

    /// <summary>Opens the network named by <paramref name="dir"/>.</summary>
    public static LocalNetwork Open(ParseResult parse, Option<string> dir) => LocalNetwork.Open(parse.GetValue(dir)!);

    public static TimeSpan Seconds(ParseResult parse, Option<int> option)
    {
        var seconds = parse.GetValue(option);
        return seconds > 0 ? TimeSpan.FromSeconds(seconds) : throw new NetworkException($"--timeout must be positive, got {seconds}");
    }
}
