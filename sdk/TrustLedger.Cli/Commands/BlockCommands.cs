using System.CommandLine;
using System.Text.Json.Nodes;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;
using TrustLedger.Sdk;

namespace TrustLedger.Cli.Commands;

/// <summary><c>tl block get</c> and <c>tl block follow</c>.</summary>
internal static class BlockCommands
{
    public static Command Build()
    {
        var height = new Argument<string>("height") { Description = "Block height, or 'latest'", DefaultValueFactory = _ => "latest" };
        var get = new Command("get", "Show a block: header, transactions and receipts") { height };
        get.SetGuardedAction(async (parse, cancellation) =>
        {
            var text = parse.GetValue(height)!;
            ulong h = text == "latest" ? 0 : ulong.TryParse(text, out var parsed) && parsed > 0 ? parsed : throw new CliException($"height must be a positive number or 'latest', got '{text}'");
            using var client = await CommandRunner.ConnectAsReader(parse, cancellation);
            var block = await client.GetBlockAsync(h, cancellation);
            Print(parse.GetValue(CommonOptions.Json), block, client);
        });

        var from = new Option<ulong>("--from") { Description = "Start at this height (default: only new blocks)" };
        var follow = new Command("follow", "Print each new block header as it commits (Ctrl-C to stop)") { from };
        follow.SetGuardedAction(async (parse, cancellation) =>
        {
            using var client = await CommandRunner.ConnectAsReader(parse, cancellation);
            var json = parse.GetValue(CommonOptions.Json);
            if (!json) Console.Error.WriteLine($"following {client.ChainId} from height {(parse.GetValue(from) == 0 ? client.Node.Height + 1 : parse.GetValue(from))}…");
            await foreach (var header in client.WatchBlocksAsync(parse.GetValue(from), cancellation))
            {
                if (json) Console.WriteLine(HeaderJson(header, client).ToJsonString());
                else Console.WriteLine($"block {header.Height,8}  {Output.Time(DateTimeOffset.FromUnixTimeMilliseconds(header.TimeMs))}  {header.TxCount,5} tx  log {header.LogSize}  hash {header.ComputeHash(client.Suite.Hash).ToShortString()}");
            }
        });
        return new Command("block", "Read blocks") { get, follow };
    }

    private static void Print(bool json, Block block, TrustLedgerClient client)
    {
        if (json)
        {
            var node = HeaderJson(block.Header, client);
            node["transactions"] = new JsonArray(block.Transactions.Select((tx, i) => (JsonNode)new JsonObject
            {
                ["id"] = tx.Id.ToString(),
                ["type"] = tx.Body.Type,
                ["sender"] = tx.Sender.ToString(),
                ["code"] = block.Receipts[i].Code.ToString(),
                ["message"] = block.Receipts[i].Message,
            }).ToArray());
            node["commit"] = new JsonObject
            {
                ["round"] = block.Commit.Round,
                ["signers"] = new JsonArray(block.Commit.Precommits.Select(p => (JsonNode)JsonValue.Create(p.Validator.ToString())).ToArray()),
            };
            Output.PrintJson(node);
            return;
        }
        var h = block.Header;
        Output.Print(false,
        [
            ("height", h.Height),
            ("hash", h.ComputeHash(client.Suite.Hash)),
            ("previous", h.PreviousHash),
            ("time", Output.Time(DateTimeOffset.FromUnixTimeMilliseconds(h.TimeMs))),
            ("transactions", h.TxCount),
            ("log size", h.LogSize),
            ("log root", h.LogRoot),
            ("state root", h.StateRoot),
            ("receipts root", h.ReceiptsRoot),
            ("proposer", h.Proposer),
            ("validator set", h.ValidatorSetHash),
            ("commit", $"round {block.Commit.Round}: {string.Join(", ", block.Commit.Precommits.Select(p => p.Validator))}"),
        ]);
        foreach (var (tx, i) in block.Transactions.Select((t, i) => (t, i)).Take(50))
            Console.WriteLine($"  #{i,-4} {tx.Id.ToShortString()}  {tx.Body.Type,-20} {tx.Sender}  {(block.Receipts[i].Success ? "ok" : block.Receipts[i].Code.ToString())}");
        if (block.Transactions.Count > 50) Console.WriteLine($"  … {block.Transactions.Count - 50} more (use --json for all)");
    }

    private static JsonObject HeaderJson(BlockHeader h, TrustLedgerClient client) => new()
    {
        ["height"] = h.Height,
        ["hash"] = h.ComputeHash(client.Suite.Hash).ToString(),
        ["previousHash"] = h.PreviousHash.ToString(),
        ["timeMs"] = h.TimeMs,
        ["txCount"] = h.TxCount,
        ["logSize"] = h.LogSize,
        ["logRoot"] = h.LogRoot.ToString(),
        ["stateRoot"] = h.StateRoot.ToString(),
        ["receiptsRoot"] = h.ReceiptsRoot.ToString(),
        ["validatorSetHash"] = h.ValidatorSetHash.ToString(),
        ["proposer"] = h.Proposer.ToString(),
    };
}
