using System.CommandLine;
using TrustLedger.Network.Lifecycle;
using TrustLedger.Network.Processes;

namespace TrustLedger.Network.Commands;

/// <summary><c>tlnet start|restart|stop|kill|wipe</c>: one node (or, for stop, every node) of the network.</summary>
internal static class NodeCommands
{
    public static IEnumerable<Command> Build() => [Start("start"), Start("restart"), Stop(), Kill(), Wipe()];

    private static Command Start(string name)
    {
        var (dir, node, nodeBin) = (CommonOptions.Dir(), CommonOptions.NodeIndex(), CommonOptions.NodeBin());
        var timeout = CommonOptions.Timeout("the node to answer (and, for restart, to stop)", LocalNetwork.DefaultReadyTimeout);
        var restart = name == "restart";
        var command = new Command(name, restart ? "Stop the node (SIGTERM) if it runs, start it and wait until it answers" : "Start the node if it is not running and wait until it answers")
        {
            dir, node, nodeBin, timeout,
        };
        command.SetGuardedAction(async (parse, cancellation) =>
        {
            var network = CommonOptions.Open(parse, dir);
            var index = network.Node(parse.GetValue(node)).Index;
            var wait = CommonOptions.Seconds(parse, timeout);
            if (restart && await network.StopAsync(index, wait, cancellation)) Console.WriteLine($"stopped node {index}");
            var launcher = new NodeLauncher(NodeBinary.Locate(parse.GetValue(nodeBin)), KeyPassword.FromEnvironment(), TimeProvider.System);
            Console.WriteLine(network.Start(index, launcher) ? $"started node {index} (pid {network.RunningPid(index)})" : $"node {index} is already running (pid {network.RunningPid(index)})");
            var progress = new ConsoleProgress();
            try
            {
                await network.WaitReadyAsync([index], wait, progress, cancellation);
            }
            finally
            {
                progress.Finish();
            }
            Console.WriteLine($"node {index} answers at {network.Node(index).Endpoint}");
        });
        return command;
    }

    private static Command Stop()
    {
        var dir = CommonOptions.Dir();
        var node = new Argument<int?>("node") { Description = "Node number K; every node when left out", Arity = ArgumentArity.ZeroOrOne };
        var timeout = CommonOptions.Timeout("each node to exit after SIGTERM", LocalNetwork.DefaultStopTimeout);
        var command = new Command("stop", "Stop a node, or every node, with SIGTERM and wait until it exits") { dir, node, timeout };
        command.SetGuardedAction(async (parse, cancellation) =>
        {
            var network = CommonOptions.Open(parse, dir);
            var wait = CommonOptions.Seconds(parse, timeout);
            IReadOnlyList<int> indexes = parse.GetValue(node) is { } one ? [network.Node(one).Index] : [.. network.Nodes.Select(n => n.Index)];
            var results = await Task.WhenAll(indexes.Select(async i => (Index: i, Stopped: await network.StopAsync(i, wait, cancellation))));
            foreach (var (index, stopped) in results) Console.WriteLine(stopped ? $"stopped node {index}" : $"node {index} was not running");
        });
        return command;
    }

    private static Command Kill()
    {
        var (dir, node) = (CommonOptions.Dir(), CommonOptions.NodeIndex());
        var command = new Command("kill", "Kill a node with SIGKILL (kill -9), as in a crash") { dir, node };
        command.SetGuardedAction(async (parse, cancellation) =>
        {
            var network = CommonOptions.Open(parse, dir);
            var index = network.Node(parse.GetValue(node)).Index;
            Console.WriteLine(await network.KillAsync(index, cancellation) ? $"killed node {index}" : $"node {index} was not running");
        });
        return command;
    }

    private static Command Wipe()
    {
        var (dir, node) = (CommonOptions.Dir(), CommonOptions.NodeIndex());
        var command = new Command("wipe", "Delete a stopped node's data folder (block log, indexes, records); its keys stay") { dir, node };
        command.SetGuardedAction((parse, _) =>
        {
            var network = CommonOptions.Open(parse, dir);
            var index = network.Node(parse.GetValue(node)).Index;
            var data = DisplayPath.Of(network.Files(index).DataDir);
            Console.WriteLine(network.Wipe(index) ? $"wiped node {index}: deleted {data}" : $"node {index} has no data ({data} does not exist)");
            return Task.CompletedTask;
        });
        return command;
    }
}
