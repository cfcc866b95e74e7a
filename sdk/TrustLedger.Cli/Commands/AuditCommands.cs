using System.CommandLine;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Primitives;
using TrustLedger.Sdk.Verification;

namespace TrustLedger.Cli.Commands;

/// <summary>
/// <c>tl audit</c>: checks what a node says against the genesis file alone — commit certificates first, then the
/// Merkle proof. A failed check prints why and exits 1.
/// </summary>
internal static class AuditCommands
{
    public static Command Build()
    {
        var genesis = new Option<string>("--genesis", "-g") { Description = "Genesis file: the only thing the auditor trusts", Required = true };

        var txId = new Argument<string>("id") { Description = "Transaction id (0x…)" };
        var at = new Option<ulong>("--at") { Description = "Prove against this block's log (default: head)" };
        var tx = new Command("tx", "Prove a transaction is in the certified log") { txId, at, genesis };
        tx.SetGuardedAction(async (parse, cancellation) =>
        {
            using var audit = Connect(parse, genesis);
            var id = Hex.TryDecode(parse.GetValue(txId), out var b) && b.Length == Hash32.Length ? new Hash32(b) : throw new CliException("a transaction id is 32 bytes of hex");
            var fact = await audit.VerifyTransactionAsync(id, parse.GetValue(at), cancellation);
            Output.Print(parse.GetValue(CommonOptions.Json),
            [
                ("verified", "transaction included"),
                ("tx id", fact.TxId),
                ("in block", fact.TxHeight),
                ("log index", fact.LeafIndex),
                ("checkpoint", $"block {fact.Checkpoint.Height}, log size {fact.Checkpoint.LogSize}, root {fact.Checkpoint.LogRoot}"),
            ]);
        });

        var from = new Argument<ulong>("from") { Description = "Earlier block height" };
        var to = new Argument<ulong>("to") { Description = "Later block height (0 = head)", DefaultValueFactory = _ => 0 };
        var log = new Command("log", "Prove the log only grew between two checkpoints (nothing rewritten)") { from, to, genesis };
        log.SetGuardedAction(async (parse, cancellation) =>
        {
            using var audit = Connect(parse, genesis);
            var fact = await audit.VerifyLogGrowthAsync(parse.GetValue(from), parse.GetValue(to), cancellation);
            Output.Print(parse.GetValue(CommonOptions.Json),
            [
                ("verified", "append-only growth"),
                ("from", $"block {fact.From.Height}, log size {fact.From.LogSize}, root {fact.From.LogRoot}"),
                ("to", $"block {fact.To.Height}, log size {fact.To.LogSize}, root {fact.To.LogRoot}"),
            ]);
        });

        var key = new Argument<string>("key") { Description = "State key as text (e.g. m/org/dev) or 0x-hex" };
        var state = new Command("state", "Prove the current value (or absence) of a state key") { key, genesis };
        state.SetGuardedAction(async (parse, cancellation) =>
        {
            using var audit = Connect(parse, genesis);
            var text = parse.GetValue(key)!;
            var raw = text.StartsWith("0x", StringComparison.Ordinal) ? Hex.Decode(text) : System.Text.Encoding.UTF8.GetBytes(text);
            var fact = await audit.VerifyStateAsync(raw, cancellation);
            Output.Print(parse.GetValue(CommonOptions.Json),
            [
                ("verified", fact.Value is null ? "key absent" : "key present"),
                ("key", text),
                ("value", fact.Value is null ? "" : Hex.Encode(fact.Value)),
                ("checkpoint", $"block {fact.Checkpoint.Height}, state root {fact.Checkpoint.StateRoot}"),
            ]);
        });

        return new Command("audit", "Verify transactions, log growth and state against the genesis, trusting no node") { tx, log, state };
    }

    private static AuditClient Connect(ParseResult parse, Option<string> genesis)
    {
        var path = parse.GetValue(genesis)!;
        if (!File.Exists(path)) throw new CliException($"genesis file {path} not found");
        return new AuditClient(parse.GetValue(CommonOptions.Node)!, GenesisDocument.Load(path), CommandRunner.ReaderKey(parse), CommonOptions.Tls(parse));
    }
}
