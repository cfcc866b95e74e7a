using System.CommandLine;
using Grpc.Core;
using TrustLedger.Protocol.Primitives;
using TrustLedger.Sdk;

namespace TrustLedger.Cli.Commands;

/// <summary>
/// <c>tl watch inbox|case|grant|points</c>: print an entity's current value, then each committed change, until
/// Ctrl-C (or at once with <c>--once</c>). With <c>--json</c> every update is one line of JSON.
/// </summary>
internal static class WatchCommands
{
    private static readonly Option<bool> Once = new("--once") { Description = "Print the current value and exit" };

    public static Command Build()
    {
        var department = new Argument<string>("department") { Description = "Organisation id of the department" };
        var inbox = new Command("inbox", "Cases waiting on a department; new hand-overs appear as they commit") { department, Once };
        inbox.SetWatchAction((parse, client, cancellation) => client.WatchInboxAsync(parse.GetValue(department)!, cancellation),
            WatchOutput.Inbox, WatchOutput.InboxJson);

        var caseId = new Argument<string>("id") { Description = "Case id (64 hex digits, the reporting transaction's id)" };
        var watchCase = new Command("case", "A case and its history as it moves from hand-over to closure") { caseId, Once };
        watchCase.SetWatchAction((parse, client, cancellation) => client.WatchCaseAsync(parse.GetValue(caseId)!, cancellation),
            WatchOutput.Case, WatchOutput.CaseJson);

        var grantId = new Argument<string>("id") { Description = "Grant id (64 hex digits, the request transaction's id)" };
        var grant = new Command("grant", "A data-sharing grant from request to end, with its access receipts") { grantId, Once };
        grant.SetWatchAction((parse, client, cancellation) => client.WatchGrantAsync(parse.GetValue(grantId)!, cancellation),
            WatchOutput.Grant, WatchOutput.GrantJson);

        var address = new Argument<string>("address") { Description = "Resident address (0x + 40 hex digits)" };
        var points = new Command("points", "A resident's points account: awards, redemptions, expiries") { address, Once };
        points.SetWatchAction((parse, client, cancellation) =>
            client.WatchPointsAccountAsync(Address.TryParse(parse.GetValue(address), out var a) ? a
                : throw new CliException("an address is 20 bytes of hex (0x…)"), cancellation),
            WatchOutput.Points, WatchOutput.PointsJson);

        return new Command("watch", "Follow a ledger entity live: a department inbox, a case, a grant, a points account")
        {
            inbox, watchCase, grant, points,
        };
    }

    private static void SetWatchAction<T>(this Command command, Func<ParseResult, TrustLedgerClient, CancellationToken, IAsyncEnumerable<T>> watch,
        Action<T> print, Func<T, string> json) =>
        command.SetGuardedAction(async (parse, cancellation) =>
        {
            using var client = await CommandRunner.ConnectAsReader(parse, cancellation);
            var asJson = parse.GetValue(CommonOptions.Json);
            try
            {
                await foreach (var update in watch(parse, client, cancellation))
                {
                    if (asJson) Console.WriteLine(json(update));
                    else print(update);
                    if (parse.GetValue(Once)) return;
                }
            }
            catch (Exception e) when (cancellation.IsCancellationRequested && e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
            {
                // Ctrl-C: the watch simply ends.
            }
        });
}
