using System.CommandLine;
using System.Text.Json;
using TrustLedger.Network.Lifecycle;

namespace TrustLedger.Network.Commands;

/// <summary><c>tlnet status</c>: per node, whether its process runs, and what it says about the chain.</summary>
internal static class StatusCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Build()
    {
        var dir = CommonOptions.Dir();
        var command = new Command("status", "Show every node: process, height, role, last block time and endpoint") { dir };
        command.SetGuardedAction(async (parse, cancellation) =>
        {
            var network = CommonOptions.Open(parse, dir);
            var states = await network.StatusAsync(cancellation);
            if (parse.GetValue(CommonOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(states, JsonOptions));
                return;
            }
            Console.WriteLine($"network {DisplayPath.Of(network.Layout.Root)}: chain {network.Manifest.ChainId}, suite {network.Manifest.Suite}, {network.Nodes.Count} node{(network.Nodes.Count == 1 ? "" : "s")}, " +
                $"admins {string.Join(", ", network.Nodes.Where(network.Manifest.IsAdmin).Select(n => n.Organisation))}");
            Table.Print(["node", "org", "state", "pid", "height", "role", "last block", "endpoint"],
                [.. states.Select(s => (IReadOnlyList<string>)
                [
                    s.Node.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Organisation, s.State,
                    s.Pid?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                    s.Height?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", s.Role ?? "-",
                    s.LastBlockTime is { } t ? t.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture) + "Z" : "-",
                    s.Endpoint,
                ])]);
        });
        return command;
    }
}
