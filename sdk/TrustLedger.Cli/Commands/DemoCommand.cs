using System.CommandLine;
using TrustLedger.Contracts.Governance;

namespace TrustLedger.Cli.Commands;

/// <summary>
/// <c>tl demo</c>: plays the seed article's story against a running dev node — organisations join by governance, two
/// departments share a record under a grant, the hub hands over a case that a department closes, a resident earns and
/// redeems points — and prints what happened. Signs as an admin (<c>--key</c>, the dev client key by default); the
/// organisations and the resident get fresh keys in a new folder. Ids carry a run tag, so it can run again on one node.
/// </summary>
internal static class DemoCommand
{
    public static Command Build()
    {
        var keysDir = new Option<string?>("--keys-dir") { Description = "Folder for the generated keys (default: a new temporary folder)" };
        var command = new Command("demo", "Play the seed story against a dev node: governance, data sharing, a case handover, points") { CommonOptions.Key, keysDir };
        command.SetGuardedAction(async (parse, cancellation) =>
        {
            var json = parse.GetValue(CommonOptions.Json);
            using var admin = await CommandRunner.Connect(parse, CommonOptions.LoadKey(parse.GetValue(CommonOptions.Key)!), cancellation);
            var me = await admin.Governance.WhoAmIAsync(cancellation);
            if (me is null || !me.Roles.Contains(Roles.Admin))
                throw new CliException($"the demo signs governance proposals: --key must be an admin's key ({admin.Signer!.Address} is {(me is null ? "no member" : $"in '{me.Organisation}' without admin")})");
            var tag = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(2));
            var dir = parse.GetValue(keysDir) ?? Path.Combine(Path.GetTempPath(), $"tl-demo-{tag}");
            var story = new DemoStory(admin, me.Organisation, json, parse.GetValue(CommonOptions.Node)!, tag, dir, cancellation);
            try
            {
                await story.PlayAsync();
            }
            finally
            {
                story.Dispose();
            }
        });
        return command;
    }
}
