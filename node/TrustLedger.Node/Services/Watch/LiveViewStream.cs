using Google.Protobuf;
using Grpc.Core;
using TrustLedger.Node.Grains.Watch;
using TrustLedger.Proto.Api.V1;

namespace TrustLedger.Node.Services.Watch;

/// <summary>
/// Pumps one live view into one server stream: subscribes an observer, writes the snapshot, then each update in
/// sequence. A gap (an update dropped because the client reads slowly, or a subscription that expired) is answered
/// with a fresh snapshot marked resynced; updates older than it are skipped. Renews the subscription while it runs
/// and unsubscribes when the call ends, however it ends.
/// </summary>
public sealed class LiveViewStream<TUpdate>(IGrainFactory grains, LiveViewOptions options, TimeProvider time, MessageParser<TUpdate> parser)
    where TUpdate : class, IWatchUpdate, IMessage<TUpdate>
{
    private Action _authorise = () => { };

    /// <param name="grain">The live view to follow.</param>
    /// <param name="observer">The buffer the grain pushes into (<see cref="LiveViewOptions.WatcherBuffer"/> updates).</param>
    /// <param name="writer">The client's stream.</param>
    /// <param name="notFound">The NOT_FOUND detail if the entity does not exist.</param>
    /// <param name="authorise">Throws when the caller may no longer read the view (its role was revoked); run before every write.</param>
    /// <param name="cancellation">The call's cancellation: the client left or the node stops.</param>
    public async Task Run(ILiveViewGrain grain, ChannelObserver observer, IServerStreamWriter<TUpdate> writer, string notFound,
        Action authorise, CancellationToken cancellation)
    {
        _authorise = authorise;
        var reference = grains.CreateObjectReference<ILiveViewObserver>(observer);
        try
        {
            var position = await Snapshot(grain, reference, observer, writer, after: null, resynced: false, notFound, cancellation);
            using var renewal = new PeriodicTimer(options.RenewEvery, time);
            var renewDue = renewal.WaitForNextTickAsync(cancellation).AsTask();
            Task<bool>? readable = null;
            while (true)
            {
                readable ??= observer.Updates.WaitToReadAsync(cancellation).AsTask();
                if (await Task.WhenAny(readable, renewDue) == renewDue)
                {
                    await renewDue; // surfaces cancellation
                    _authorise(); // an idle view still ends soon after the caller loses the right to it
                    renewDue = renewal.WaitForNextTickAsync(cancellation).AsTask();
                    if (!await grain.Renew(reference))
                        position = await Snapshot(grain, reference, observer, writer, position.Cursor, resynced: true, notFound, cancellation);
                    continue;
                }
                if (!await readable) return;
                readable = null;
                var gap = false;
                while (!gap && observer.Updates.TryRead(out var update))
                {
                    if (update.Epoch == position.Epoch && update.Sequence <= position.Sequence) continue; // already in a snapshot
                    if (update.Epoch != position.Epoch || update.Sequence != position.Sequence + 1)
                    {
                        gap = true;
                        break;
                    }
                    _authorise();
                    await writer.WriteAsync(parser.ParseFrom(update.Payload), cancellation);
                    position = new Position(update);
                }
                if (gap || observer.TakeDropped())
                    position = await Snapshot(grain, reference, observer, writer, position.Cursor, resynced: true, notFound, cancellation);
            }
        }
        finally
        {
            try
            {
                await grain.Unsubscribe(reference);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The subscription then expires on its own (LiveViewOptions.ObserverExpiry).
            }
            grains.DeleteObjectReference<ILiveViewObserver>(reference);
        }
    }

    private async Task<Position> Snapshot(ILiveViewGrain grain, ILiveViewObserver reference, ChannelObserver observer,
        IServerStreamWriter<TUpdate> writer, ulong? after, bool resynced, string notFound, CancellationToken cancellation)
    {
        observer.TakeDropped(); // whatever was dropped until now, the snapshot covers
        var snapshot = await grain.Subscribe(reference, after);
        if (!snapshot.Found) throw new RpcException(new Status(StatusCode.NotFound, notFound));
        _authorise();
        var message = parser.ParseFrom(snapshot.Payload);
        message.Stamp.Resynced = resynced;
        await writer.WriteAsync(message, cancellation);
        return new Position(snapshot);
    }

    /// <summary>Where the client is: the last update it was sent, and the list entries it holds.</summary>
    private readonly record struct Position(Guid Epoch, ulong Sequence, ulong Cursor)
    {
        public Position(LiveViewUpdate update) : this(update.Epoch, update.Sequence, update.Cursor)
        {
        }
    }
}
