using System.CommandLine;
using TrustLedger.Protocol.Primitives;
using TrustLedger.Sdk;

namespace TrustLedger.Cli.Commands;

/// <summary><c>tl submit</c>: sign a transaction with a keystore, submit it and wait for its durable receipt.</summary>
internal static class SubmitCommand
{
    public static Command Build()
    {
        var type = new Option<string>("--type", "-t") { Description = "Transaction type", DefaultValueFactory = _ => "anchor.put" };
        var text = new Option<string?>("--payload", "-p") { Description = "Payload as UTF-8 text" };
        var file = new Option<string?>("--payload-file") { Description = "Payload read from a file" };
        var hex = new Option<string?>("--payload-hex") { Description = "Payload as hex" };
        var noWait = new Option<bool>("--no-wait") { Description = "Return the transaction id without waiting for the commit" };
        var command = new Command("submit", "Sign and submit a transaction, then wait for its receipt") { type, text, file, hex, noWait };
        command.SetGuardedAction(async (parse, cancellation) =>
        {
            var payload = ReadPayload(parse.GetValue(text), parse.GetValue(file), parse.GetValue(hex));
            using var client = await CommandRunner.Connect(parse, CommonOptions.LoadKey(parse.GetValue(CommonOptions.Key)!), cancellation);
            var tx = client.Sign(parse.GetValue(type)!, payload);
            var json = parse.GetValue(CommonOptions.Json);
            if (parse.GetValue(noWait))
            {
                var id = await client.SendAsync(tx, cancellation);
                Output.Print(json, [("tx id", id), ("status", "admitted")]);
                return;
            }
            var receipt = await client.SubmitAsync(tx, TimeSpan.FromSeconds(30), cancellation);
            Print(json, receipt);
            if (!receipt.Success) throw new CliException($"transaction failed: {receipt.Code}: {receipt.Message}");
        });
        return command;
    }

    internal static void Print(bool json, TxReceipt r) => Output.Print(json,
    [
        ("tx id", r.TxId),
        ("status", r.Success ? "committed" : $"failed ({r.Code}): {r.Message}"),
        ("block", r.Height),
        ("index", r.Index),
        ("block hash", r.BlockHash),
        ("block time", Output.Time(r.BlockTime)),
        ("output", r.Output.Length == 0 ? "" : Hex.Encode(r.Output)),
    ]);

    private static byte[] ReadPayload(string? text, string? file, string? hex)
    {
        var given = new[] { text, file, hex }.Count(x => x is not null);
        if (given != 1) throw new CliException("give exactly one of --payload, --payload-file, --payload-hex");
        if (text is not null) return System.Text.Encoding.UTF8.GetBytes(text);
        if (file is not null) return File.Exists(file) ? File.ReadAllBytes(file) : throw new CliException($"payload file {file} not found");
        return Hex.Decode(hex!);
    }
}
