namespace TrustLedger.Node.Grains.Watch;

/// <summary>
/// The entities changed by one or more consecutive committed blocks, up to <see cref="Height"/>.
/// <see cref="Overflowed"/>: the dispatcher fell behind and lost track of what changed, so every live view must re-read.
/// </summary>
[GenerateSerializer, Immutable, Alias("tl.watch.ChangeBatch")]
public sealed record ChangeBatch(
    [property: Id(0)] ulong Height,
    [property: Id(1)] IReadOnlyList<WatchTopic> Changed,
    [property: Id(2)] bool Overflowed);
