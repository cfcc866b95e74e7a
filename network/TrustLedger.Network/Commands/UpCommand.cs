using System.CommandLine;
using TrustLedger.Network.Generation;
using TrustLedger.Network.Lifecycle;
using TrustLedger.Network.Processes;

namespace TrustLedger.Network.Commands;

/// <summary><c>tlnet up</c>: generate a network in the folder if it has none, start the nodes that are not running, wait for them.</summary>
internal static class UpCommand
{
    public static Command Build()
    {
        var dir = CommonOptions.Dir();
        var nodes = new Option<int?>("--nodes", "-n") { Description = $"Organisations, one validator node each (new network; default {NetworkSpec.DefaultNodes})" };
        var suite = new Option<string?>("--suite") { Description = "Crypto suite of a new network: eth or sm (default eth)" };
        suite.AcceptOnlyFromAmong("eth", "sm");
        var basePort = new Option<int?>("--base-port") { Description = $"Node K listens on gRPC base+K, silo base+100+K, gateway base+200+K (new network; default {NetworkSpec.DefaultBasePort})" };
        var chainId = new Option<string?>("--chain-id") { Description = $"Chain id of a new network (default {NetworkSpec.DefaultChainId})" };
        var admins = new Option<int?>("--admins")
        {
            Description = $"Organisations org1..orgK hold the admin role, the others every role but admin; a governance proposal needs a majority of K approvals (new network; default {NetworkSpec.DefaultAdmins})",
        };
        var plaintext = new Option<bool>("--plaintext") { Description = "Generate a network without TLS: nodes run --insecure-plaintext (for comparisons and benchmarks; new network; default mutual TLS)" };
        var nodeBin = CommonOptions.NodeBin();
        var timeout = CommonOptions.Timeout("every node to answer", LocalNetwork.DefaultReadyTimeout);
        var command = new Command("up", "Create the network if the folder has none, then start every node that is not running and wait until all answer")
        {
            dir, nodes, admins, suite, basePort, chainId, plaintext, nodeBin, timeout,
        };
        command.SetGuardedAction(async (parse, cancellation) =>
        {
            var request = new UpRequest(parse.GetValue(dir)!, parse.GetValue(nodes), parse.GetValue(suite), parse.GetValue(basePort), parse.GetValue(chainId),
                parse.GetValue(admins))
            {
                Timeout = CommonOptions.Seconds(parse, timeout),
                Plaintext = parse.GetValue(plaintext),
            };
            var password = KeyPassword.FromEnvironment();
            var launcher = new NodeLauncher(NodeBinary.Locate(parse.GetValue(nodeBin)), password, TimeProvider.System);
            var progress = new ConsoleProgress();
            UpResult result;
            try
            {
                result = await NetworkUp.RunAsync(request, launcher, password, TimeProvider.System, progress, cancellation);
            }
            finally
            {
                progress.Finish();
            }
            UpReport.Print(result, parse.GetValue(CommonOptions.Json));
        });
        return command;
    }
}
