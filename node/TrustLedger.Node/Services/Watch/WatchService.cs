using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Options;
using TrustLedger.Contracts.Common;
using TrustLedger.Node.Grains.Watch;
using TrustLedger.Proto.Api.V1;
using TrustLedger.Protocol.Primitives;
using WatchApi = TrustLedger.Proto.Api.V1.Watch;

namespace TrustLedger.Node.Services.Watch;

/// <summary>
/// Live views over gRPC (see watch_service.proto): each call follows one live-view grain through an observer. Ids are
/// checked here (INVALID_ARGUMENT), existence by the grain (NOT_FOUND).
/// </summary>
public sealed class WatchService(IGrainFactory grains, IOptions<LiveViewOptions> options, TimeProvider time, IHostApplicationLifetime lifetime)
    : WatchApi.WatchBase
{
    public override Task WatchInbox(WatchInboxRequest request, IServerStreamWriter<InboxUpdate> responseStream, ServerCallContext context)
    {
        if (!Ids.IsOrganisationId(request.Department))
            throw RpcErrors.Invalid($"department must be an organisation id, got '{Clip(request.Department)}'");
        return Follow(grains.GetGrain<IDepartmentInboxGrain>(request.Department), InboxUpdate.Parser,
            $"no organisation '{request.Department}'", responseStream, context);
    }

    public override Task WatchCase(WatchCaseRequest request, IServerStreamWriter<CaseUpdate> responseStream, ServerCallContext context)
    {
        var id = Ids.Normalise(request.CaseId) ?? throw RpcErrors.Invalid($"case_id must be 64 hex digits, got '{Clip(request.CaseId)}'");
        return Follow(grains.GetGrain<ICaseGrain>(id), CaseUpdate.Parser, $"no case {id}", responseStream, context);
    }

    public override Task WatchGrant(WatchGrantRequest request, IServerStreamWriter<GrantUpdate> responseStream, ServerCallContext context)
    {
        var id = Ids.Normalise(request.GrantId) ?? throw RpcErrors.Invalid($"grant_id must be 64 hex digits, got '{Clip(request.GrantId)}'");
        return Follow(grains.GetGrain<IGrantGrain>(id), GrantUpdate.Parser, $"no grant {id}", responseStream, context);
    }

    public override Task WatchPointsAccount(WatchPointsAccountRequest request, IServerStreamWriter<PointsAccountUpdate> responseStream, ServerCallContext context)
    {
        if (request.Address.Length != Address.Length)
            throw RpcErrors.Invalid($"address must be {Address.Length} bytes, got {request.Address.Length}");
        var hex = Convert.ToHexStringLower(request.Address.Span);
        return Follow(grains.GetGrain<IPointsAccountGrain>(hex), PointsAccountUpdate.Parser, $"no points account 0x{hex}", responseStream, context);
    }

    private async Task Follow<T>(ILiveViewGrain grain, MessageParser<T> parser, string notFound, IServerStreamWriter<T> stream, ServerCallContext context)
        where T : class, IWatchUpdate, IMessage<T>
    {
        // A watch never ends by itself: end it when the node stops, so shutdown does not wait for watchers.
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        try
        {
            await new LiveViewStream<T>(grains, options.Value, time, parser)
                .Run(grain, new ChannelObserver(options.Value.WatcherBuffer), stream, notFound, cancellation.Token);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "the node is stopping; watch again to resume"));
        }
    }

    private static string Clip(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
