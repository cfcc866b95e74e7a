namespace TrustLedger.Node.Grains.Watch;

/// <summary>The kinds of ledger entity a client can watch.</summary>
[GenerateSerializer, Alias("tl.watch.WatchKind")]
public enum WatchKind
{
    Case = 1,
    DepartmentInbox = 2,
    Grant = 3,
    PointsAccount = 4,
}

/// <summary>
/// One watchable entity: a case or grant id (64 lower-case hex digits), a department id, or a resident address
/// (40 lower-case hex digits, no <c>0x</c>) — the id exactly as it appears in the entity's state keys.
/// </summary>
[GenerateSerializer, Immutable, Alias("tl.watch.WatchTopic")]
public readonly record struct WatchTopic([property: Id(0)] WatchKind Kind, [property: Id(1)] string Id)
{
    public override string ToString() => $"{Kind}:{Id}";
}
