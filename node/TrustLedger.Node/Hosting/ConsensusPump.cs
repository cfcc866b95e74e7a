namespace TrustLedger.Node.Hosting;

/// <summary>
/// Runs the consensus driver on a validator (dev mode included). Any failure in it (a block that cannot be
/// stored, a WAL write that fails) stops the node: it restarts from its block store and WAL, never limps on.
/// </summary>
public sealed class ConsensusPump(NodeRuntime runtime, IHostApplicationLifetime lifetime, ILogger<ConsensusPump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (runtime.Consensus is not { } consensus) return;
        try
        {
            await Task.Yield();
            await consensus.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogCritical(e, "Consensus failed; stopping the node so it restarts from its block store and WAL");
            Environment.ExitCode = 70;
            lifetime.StopApplication();
        }
    }
}
