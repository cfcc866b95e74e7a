using System.CommandLine;

namespace TrustLedger.Cli.Commands;

/// <summary><c>tl status</c>: what the node knows about the chain.</summary>
internal static class StatusCommand
{
    public static Command Build()
    {
        var command = new Command("status", "Show the node's chain, height, roots and mempool");
        command.SetGuardedAction(async (parse, cancellation) =>
        {
            using var client = await CommandRunner.ConnectAsReader(parse, cancellation);
            var s = await client.GetStatusAsync(cancellation); // asked again with the key's credential: the node says who it takes us for
            Output.Print(parse.GetValue(CommonOptions.Json),
            [
                ("chain id", s.ChainId),
                ("crypto suite", s.CryptoSuite),
                ("genesis hash", s.GenesisHash),
                ("height", s.Height),
                ("head hash", s.HeadHash),
                ("head time", Output.Time(s.HeadTime)),
                ("log size", s.LogSize),
                ("log root", s.LogRoot),
                ("state root", s.StateRoot),
                ("node", $"{s.NodeAddress} ({s.Organisation})"),
                ("role", s.Upstream.Length == 0 ? s.Role : $"{s.Role} of {s.Upstream}"),
                ("validators", string.Join(", ", s.Validators)),
                ("mempool", s.MempoolSize),
                ("version", s.Version),
                ("started", Output.Time(s.StartedAt)),
                ("you are", Caller(s)),
            ]);
        });
        return command;
    }

    private static string Caller(Sdk.NodeInfo s) => (s.CallerOrganisation, s.CallerAddress) switch
    {
        ("", null) => "anonymous (no key): public reads only; pass --key",
        ("", { } key) => $"key {key}, of no organisation (a resident)",
        (var org, null) => $"organisation {org} (client certificate), roles {string.Join(", ", s.CallerRoles)}",
        (var org, { } key) => $"organisation {org}, key {key}, roles {string.Join(", ", s.CallerRoles)}",
    };
}
