using System.CommandLine;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Cli.Commands;

/// <summary><c>tl tx get</c>: a committed transaction with its receipt.</summary>
internal static class TxCommands
{
    public static Command Build()
    {
        var id = new Argument<string>("id") { Description = "Transaction id (0x…)" };
        var get = new Command("get", "Show a committed transaction and its receipt") { id };
        get.SetGuardedAction(async (parse, cancellation) =>
        {
            var txId = Hex.TryDecode(parse.GetValue(id), out var bytes) && bytes.Length == Hash32.Length
                ? new Hash32(bytes) : throw new CliException("a transaction id is 32 bytes of hex (0x…)");
            using var client = await CommandRunner.ConnectAsReader(parse, cancellation);
            var (tx, r) = await client.GetTransactionAsync(txId, cancellation);
            Output.Print(parse.GetValue(CommonOptions.Json),
            [
                ("tx id", tx.Id),
                ("type", tx.Body.Type),
                ("sender", tx.Sender),
                ("nonce", tx.Body.Nonce),
                ("valid", $"{Output.Time(DateTimeOffset.FromUnixTimeMilliseconds(tx.Body.NotBeforeMs))} … {Output.Time(DateTimeOffset.FromUnixTimeMilliseconds(tx.Body.NotAfterMs))}"),
                ("payload", $"{tx.Body.Payload.Length} bytes {Preview(tx.Body.Payload)}"),
                ("status", r.Success ? "committed" : $"failed ({r.Code}): {r.Message}"),
                ("block", $"{r.Height} #{r.Index} {r.BlockHash}"),
                ("block time", Output.Time(r.BlockTime)),
                ("output", r.Output.Length == 0 ? "" : Hex.Encode(r.Output)),
            ]);
        });
        return new Command("tx", "Read transactions") { get };
    }

    private static string Preview(byte[] payload)
    {
        var printable = payload.Length > 0 && payload.All(b => b is >= 0x20 and < 0x7f);
        var shown = printable ? $"\"{System.Text.Encoding.ASCII.GetString(payload.AsSpan(0, Math.Min(60, payload.Length)))}\"" : Hex.Encode(payload.AsSpan(0, Math.Min(24, payload.Length)));
        return payload.Length > 60 ? shown + "…" : shown;
    }
}
