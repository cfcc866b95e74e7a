namespace TrustLedger.Node.Grains.Watch;

/// <summary>
/// What a live-view grain pushes to its observers, or returns as a snapshot.
/// </summary>
/// <param name="Epoch">Identifies the grain activation; sequence numbers restart with a new one.</param>
/// <param name="Sequence">Number of the last change pushed; an observer that sees a gap has missed one and resyncs.</param>
/// <param name="Height">The committed height the value was read at.</param>
/// <param name="Found">False: the entity does not exist (only in a snapshot).</param>
/// <param name="Cursor">Entries of the entity's list (history, receipts) the receiver holds after this update; the
/// <c>after</c> to resubscribe with.</param>
/// <param name="Payload">The protobuf update message of the view's kind (watch_service.proto), stamp included.</param>
[GenerateSerializer, Immutable, Alias("tl.watch.LiveViewUpdate")]
public sealed record LiveViewUpdate(
    [property: Id(0)] Guid Epoch,
    [property: Id(1)] ulong Sequence,
    [property: Id(2)] ulong Height,
    [property: Id(3)] bool Found,
    [property: Id(4)] ulong Cursor,
    [property: Id(5)] byte[] Payload);
