using System.CommandLine;
using TrustLedger.Network.Lifecycle;

namespace TrustLedger.Network.Commands;

/// <summary><c>tlnet down</c>: stop every node, then delete the network's folder unless --keep.</summary>
internal static class DownCommand
{
    public static Command Build()
    {
        var dir = CommonOptions.Dir();
        var keep = new Option<bool>("--keep") { Description = "Keep the folder (keys, genesis, data, logs); only stop the nodes" };
        var timeout = CommonOptions.Timeout("each node to exit after SIGTERM", LocalNetwork.DefaultStopTimeout);
        var command = new Command("down", "Stop every node, then delete the network's folder (unless --keep)") { dir, keep, timeout };
        command.SetGuardedAction(async (parse, cancellation) =>
        {
            var network = CommonOptions.Open(parse, dir);
            var stopped = await network.DownAsync(parse.GetValue(keep), CommonOptions.Seconds(parse, timeout), cancellation);
            Console.WriteLine(stopped.Count == 0 ? "no node was running" : $"stopped node{(stopped.Count == 1 ? "" : "s")} {string.Join(", ", stopped)}");
            Console.WriteLine(parse.GetValue(keep) ? $"kept {DisplayPath.Of(network.Layout.Root)}" : $"deleted {DisplayPath.Of(network.Layout.Root)}");
        });
        return command;
    }
}
