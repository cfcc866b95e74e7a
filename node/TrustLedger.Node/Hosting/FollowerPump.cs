using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using TrustLedger.Node.Core.Chain;
using TrustLedger.Node.Grains;
using TrustLedger.Proto.Access;
using TrustLedger.Proto.Api.V1;
using TrustLedger.Proto.Mapping;

namespace TrustLedger.Node.Hosting;

/// <summary>
/// A follower's block sync: catches up from the peer block by block, then follows the peer's block stream.
/// Every block goes through the chain grain's importer, which checks it before anything changes; a peer that sends
/// an invalid block is logged and retried later, never trusted. Reconnects with backoff when the peer is away.
/// </summary>
public sealed class FollowerPump(NodeRuntime runtime, IGrainFactory grains, ILogger<FollowerPump> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (runtime.Upstream is not { } upstream) return;
        var chain = grains.GetGrain<IChainGrain>(ChainGrain.Id);
        var backoff = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var channel = runtime.OpenUpstreamChannel();
                await Follow(channel, chain, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (RpcException e)
            {
                logger.LogWarning("Peer {Peer} unavailable ({Status}); retrying in {Delay} ms", upstream, e.StatusCode, backoff.TotalMilliseconds);
            }
            catch (InvalidBlockException e)
            {
                logger.LogError("Peer {Peer} sent an invalid block: {Reason}", upstream, e.Message);
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                logger.LogWarning("Peer {Peer} unreachable ({Error}); retrying in {Delay} ms", upstream, e.Message, backoff.TotalMilliseconds);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Import failures cross the grain boundary and may arrive wrapped; never trust, retry later.
                logger.LogError("Sync from {Peer} failed: {Error}", upstream, e.Message);
            }
            await Task.Delay(backoff, stoppingToken);
            backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
        }
    }

    private async Task Follow(GrpcChannel channel, IChainGrain chain, CancellationToken cancellation)
    {
        var status = await new Ledger.LedgerClient(channel).GetStatusAsync(new GetStatusRequest(), cancellationToken: cancellation);
        if (WireMapping.ToHash(status.GenesisHash, "genesis_hash") != runtime.Chain.GenesisHash)
            throw new InvalidBlockException(0, "the peer runs a different genesis");
        // Raw blocks are for validators and auditors: the follower asks as its own key, for this peer only.
        var peer = new Ledger.LedgerClient(channel.Intercept(new CallerCredentialInterceptor(
            runtime.Chain.Suite, runtime.Key, runtime.Chain.ChainId, WireMapping.ToAddress(status.NodeAddress, "node_address"))));
        // Subscribe first, then catch up: blocks committed meanwhile arrive on the stream (duplicates are skipped).
        using var stream = peer.StreamBlocks(new StreamBlocksRequest { FromHeight = runtime.Ledger.Height + 1 }, cancellationToken: cancellation);
        logger.LogInformation("Following {Peer} from height {Height} (peer at {PeerHeight})", runtime.Upstream, runtime.Ledger.Height, status.Height);
        while (await stream.ResponseStream.MoveNext(cancellation))
        {
            var announced = stream.ResponseStream.Current.Height;
            while (runtime.Ledger.Height < announced)
            {
                var block = await peer.GetBlockAsync(new GetBlockRequest { Height = runtime.Ledger.Height + 1 }, cancellationToken: cancellation);
                await chain.ImportBlock(block.ToDomain(runtime.Chain.Suite).Encode());
            }
        }
    }
}
