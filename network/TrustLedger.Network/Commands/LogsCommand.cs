using System.CommandLine;
using TrustLedger.Network.Lifecycle;

namespace TrustLedger.Network.Commands;

/// <summary><c>tlnet logs</c>: the end of a node's log (stdout and stderr of every run; tlnet marks each start).</summary>
internal static class LogsCommand
{
    public static Command Build()
    {
        var (dir, node) = (CommonOptions.Dir(), CommonOptions.NodeIndex());
        var tail = new Option<int>("--tail") { Description = "How many lines from the end", DefaultValueFactory = _ => 50 };
        var command = new Command("logs", "Print the last lines of a node's log") { dir, node, tail };
        command.SetGuardedAction((parse, _) =>
        {
            var network = CommonOptions.Open(parse, dir);
            var lines = parse.GetValue(tail);
            if (lines < 0) throw new NetworkException($"--tail must not be negative, got {lines}");
            var path = network.Files(network.Node(parse.GetValue(node)).Index).LogPath;
            if (!File.Exists(path)) throw new NetworkException($"node {parse.GetValue(node)} has no log yet ({path}); it has never been started");
            foreach (var line in NodeLog.Tail(path, lines)) Console.WriteLine(line);
            return Task.CompletedTask;
        });
        return command;
    }
}
