using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Options;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Grants;
using TrustLedger.Contracts.Handovers;
using TrustLedger.Node.Core.Access;
using TrustLedger.Node.Grains.Watch;
using TrustLedger.Node.Hosting;
using TrustLedger.Node.Security;
using TrustLedger.Proto.Api.V1;
using TrustLedger.Protocol.Primitives;
using WatchApi = TrustLedger.Proto.Api.V1.Watch;

namespace TrustLedger.Node.Services.Watch;

/// <summary>
/// Live views over gRPC (see watch_service.proto): each call follows one live-view grain through an observer. Ids are
/// checked here (INVALID_ARGUMENT), existence by the grain (NOT_FOUND). A stream opens only if the read policy lets the
/// caller read the view, is re-checked before every update (and each renewal), and ends with PERMISSION_DENIED once the
/// caller loses the right; a caller holds at most <see cref="LiveViewOptions.MaxStreamsPerCaller"/> streams.
/// </summary>
public sealed class WatchService(IGrainFactory grains, IOptions<LiveViewOptions> options, TimeProvider time, IHostApplicationLifetime lifetime,
    NodeRuntime runtime, CallerAuthenticator callers, StreamQuota quota) : WatchApi.WatchBase
{
    public override Task WatchInbox(WatchInboxRequest request, IServerStreamWriter<InboxUpdate> responseStream, ServerCallContext context)
    {
        if (!Ids.IsOrganisationId(request.Department))
            throw RpcErrors.Invalid($"department must be an organisation id, got '{Clip(request.Department)}'");
        return Follow(grains.GetGrain<IDepartmentInboxGrain>(request.Department), InboxUpdate.Parser,
            $"no organisation '{request.Department}'", (_, reader) => ReadPolicy.Inbox(reader, request.Department), responseStream, context);
    }

    public override Task WatchCase(WatchCaseRequest request, IServerStreamWriter<CaseUpdate> responseStream, ServerCallContext context)
    {
        var id = Ids.Normalise(request.CaseId) ?? throw RpcErrors.Invalid($"case_id must be 64 hex digits, got '{Clip(request.CaseId)}'");
        return Follow(grains.GetGrain<ICaseGrain>(id), CaseUpdate.Parser, $"no case {id}",
            (state, reader) => ReadPolicy.Case(reader, id, AccessFacts.Parties(state, HandoverState.GetCase(state, id))), responseStream, context);
    }

    public override Task WatchGrant(WatchGrantRequest request, IServerStreamWriter<GrantUpdate> responseStream, ServerCallContext context)
    {
        var id = Ids.Normalise(request.GrantId) ?? throw RpcErrors.Invalid($"grant_id must be 64 hex digits, got '{Clip(request.GrantId)}'");
        return Follow(grains.GetGrain<IGrantGrain>(id), GrantUpdate.Parser, $"no grant {id}",
            (state, reader) => ReadPolicy.Grant(reader, id, AccessFacts.Parties(DataSharingState.GetGrant(state, id))), responseStream, context);
    }

    public override Task WatchPointsAccount(WatchPointsAccountRequest request, IServerStreamWriter<PointsAccountUpdate> responseStream, ServerCallContext context)
    {
        if (request.Address.Length != Address.Length)
            throw RpcErrors.Invalid($"address must be {Address.Length} bytes, got {request.Address.Length}");
        var resident = new Address(request.Address.Span);
        var hex = Convert.ToHexStringLower(request.Address.Span);
        return Follow(grains.GetGrain<IPointsAccountGrain>(hex), PointsAccountUpdate.Parser, $"no points account 0x{hex}",
            (_, reader) => ReadPolicy.PointsAccount(reader, resident), responseStream, context);
    }

    private async Task Follow<T>(ILiveViewGrain grain, MessageParser<T> parser, string notFound, Func<IStateStore, Reader, ReadDecision> policy,
        IServerStreamWriter<T> stream, ServerCallContext context)
        where T : class, IWatchUpdate, IMessage<T>
    {
        var caller = callers.Authenticate(context);
        void Authorise() => ReadAccess.Enforce(runtime.Ledger.ReadState(state =>
        {
            var reader = caller.ReaderAt(state);
            var decision = policy(state, reader);
            // The view exists for the grain to say so (NOT_FOUND); the policy must not reveal it first.
            return decision.Verdict == ReadVerdict.NotFound ? ReadDecision.Allow : decision;
        }));
        Authorise();
        using var lease = quota.Acquire(runtime.Ledger.ReadState(caller.ReaderAt).Describe);
        // A watch never ends by itself: end it when the node stops, so shutdown does not wait for watchers.
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        try
        {
            await new LiveViewStream<T>(grains, options.Value, time, parser)
                .Run(grain, new ChannelObserver(options.Value.WatcherBuffer), stream, notFound, Authorise, cancellation.Token);
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
