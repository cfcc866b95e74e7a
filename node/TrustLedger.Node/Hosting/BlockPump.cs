using TrustLedger.Node.Configuration;
using TrustLedger.Node.Grains;
using Microsoft.Extensions.Options;

namespace TrustLedger.Node.Hosting;

/// <summary>
/// Drives block production: waits for pending transactions, gives a batch a moment to form, then asks the
/// chain grain for a block, back to back while the mempool is non-empty. A storage failure stops the node.
/// Dev mode only: under BFT consensus the driver builds blocks, and a follower imports them.
/// </summary>
public sealed class BlockPump(
    NodeRuntime runtime, IGrainFactory grains, IOptions<NodeOptions> options, IHostApplicationLifetime lifetime, ILogger<BlockPump> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (runtime.Validator is null) return; // otherwise it would call the grain every few ms while transactions wait
        var chain = grains.GetGrain<IChainGrain>(ChainGrain.Id);
        var delay = TimeSpan.FromMilliseconds(options.Value.BlockDelayMs);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await runtime.Pool.WhenNotEmpty().WaitAsync(stoppingToken);
                if (delay > TimeSpan.Zero) await Task.Delay(delay, stoppingToken);
                await chain.ProduceBlock();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogCritical(e, "Block production failed; stopping the node so it restarts from its block store");
            Environment.ExitCode = 70;
            lifetime.StopApplication();
        }
    }
}
