using System.CommandLine;
using TrustLedger.Protocol.Crypto.KeyFiles;
using TrustLedger.Protocol.Genesis;

namespace TrustLedger.Network.Commands;

/// <summary>Runs a command body and turns expected failures into "error: …" on stderr and exit code 1.</summary>
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
            catch (Exception e) when (e is NetworkException or KeyFileException or GenesisException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                Console.Error.WriteLine("cancelled");
                return 130;
            }
        });
}
