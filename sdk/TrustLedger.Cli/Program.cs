using System.CommandLine;
using TrustLedger.Cli.Commands;

var root = new RootCommand("tl — the TrustLedger command line: keys, dev genesis, submit, query, follow, bench")
{
    KeyCommands.Build(),
    GenesisCommands.Build(),
    StatusCommand.Build(),
    SubmitCommand.Build(),
    BlockCommands.Build(),
    TxCommands.Build(),
    BenchCommand.Build(),
    AuditCommands.Build(),
    GovCommands.Build(), DataCommands.Build(), CaseCommands.Build(), PointsCommands.Build(), DemoCommand.Build(),
    WatchCommands.Build(),
};
foreach (var option in CommonOptions.Global) root.Options.Add(option);
return await root.Parse(args).InvokeAsync();
