using TrustLedger.Protocol.Crypto.KeyFiles;
using System.CommandLine;
using Grpc.Core;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Sdk;

namespace TrustLedger.Cli.Commands;

/// <summary>Runs a command body and turns expected failures into one readable line and exit code 1.</summary>
internal static class CommandRunner
{
    public static void SetGuardedAction(this Command command, Func<ParseResult, CancellationToken, Task> action) =>
        command.SetAction(async (parse, cancellation) =>
        {
            try
            {
                await action(parse, cancellation);
                return 0;
            }
            catch (Exception e) when (Describe(e) is { } message)
            {
                Console.Error.WriteLine($"error: {message}");
                return 1;
            }
        });

    private static string? Describe(Exception e) => e switch
    {
        CliException or KeyFileException or TransactionRejectedException or Sdk.Verification.VerificationException or Protocol.Genesis.GenesisException or FormatException or IOException or ArgumentException => e.Message,
        RpcException { StatusCode: StatusCode.Unavailable } r => $"node unavailable: {r.Status.Detail}",
        RpcException r => $"{r.StatusCode}: {r.Status.Detail}",
        HttpRequestException h => $"cannot reach the node: {h.Message}",
        OperationCanceledException => "cancelled",
        _ => null,
    };

    public static async Task<TrustLedgerClient> Connect(ParseResult parse, KeyPair? key, CancellationToken cancellation) =>
        await TrustLedgerClient.ConnectAsync(parse.GetValue(CommonOptions.Node)!, key, CommonOptions.Tls(parse), cancellation);
}
