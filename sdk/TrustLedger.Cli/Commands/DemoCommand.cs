using System.CommandLine;

namespace TrustLedger.Cli.Commands;

/// <summary>
/// <c>tl demo</c>: plays the seed article's story against a running network — organisations join by governance, two
/// departments share a record under a grant, the hub hands over a case that a department closes, a resident earns and
/// redeems points — and prints what happened. Signs as an admin (<c>--key</c>, the dev client key by default) on a
/// network where one approval executes a proposal: a dev node, or a tlnet network's first organisation (org1 with
/// <c>tlnet up --admins 1</c>, the default). The organisations and the resident get fresh keys in a new folder. Ids carry
/// a run tag, so it can run again on one network.
/// </summary>
internal static class DemoCommand
{
    public static Command Build()
    {
        var keysDir = new Option<string?>("--keys-dir") { Description = "Folder for the generated keys (default: a new temporary folder)" };
        var command = new Command("demo", "Play the seed story against a dev node or a tlnet network: governance, data sharing, a case handover, points")
        {
            keysDir,
        };
        command.SetGuardedAction(async (parse, cancellation) =>
        {
            var json = parse.GetValue(CommonOptions.Json);
            using var admin = await CommandRunner.Connect(parse, CommonOptions.LoadKey(parse.GetValue(CommonOptions.Key)!), cancellation);
            var stage = await DemoStage.ProbeAsync(admin, parse.GetValue(CommonOptions.Node)!, cancellation);
            var tag = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(2));
            var dir = parse.GetValue(keysDir) ?? Path.Combine(Path.GetTempPath(), $"tl-demo-{tag}");
            var story = new DemoStory(admin, stage, json, tag, dir, cancellation);
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
