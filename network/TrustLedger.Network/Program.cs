using System.CommandLine;
using TrustLedger.Network.Commands;

var root = new RootCommand("tlnet — a local TrustLedger test network: N organisations' validator nodes on loopback, under one folder")
{
    UpCommand.Build(),
    StatusCommand.Build(),
    DownCommand.Build(),
    LogsCommand.Build(),
};
foreach (var command in NodeCommands.Build()) root.Subcommands.Add(command);
root.Options.Add(CommonOptions.Json);
return await root.Parse(args).InvokeAsync();
