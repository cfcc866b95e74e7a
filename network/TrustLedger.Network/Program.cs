using System.CommandLine;
using TrustLedger.Network.Commands;

var root = new RootCommand("tlnet — a local TrustLedger test network: N organisations' validator nodes on loopback, under one folder");
foreach (var command in (Command[])[UpCommand.Build(), StatusCommand.Build(), .. NodeCommands.Build(), LogsCommand.Build(), DownCommand.Build()])
    root.Subcommands.Add(command);
root.Options.Add(CommonOptions.Json);
return await root.Parse(args).InvokeAsync();
