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

    /// <summary>
    /// Connects for reading: as the <c>--key</c> (or TL_KEY) when given, or as the dev key when its file is here; else
    /// without a key, and the node answers only what is public (status, headers, certificates, consistency proofs).
    /// </summary>
    public static Task<TrustLedgerClient> ConnectAsReader(ParseResult parse, CancellationToken cancellation) =>
        Connect(parse, ReaderKey(parse), cancellation);

    /// <summary>The key to identify the caller with for reads: an explicit one must exist; the default one is used only if present.</summary>
    public static KeyPair? ReaderKey(ParseResult parse)
    {
        var path = parse.GetValue(CommonOptions.Key)!;
        var explicitKey = parse.GetResult(CommonOptions.Key) is { Implicit: false } || Environment.GetEnvironmentVariable("TL_KEY") is { Length: > 0 };
        return explicitKey || File.Exists(path) ? CommonOptions.LoadKey(path) : null;
    }
}
