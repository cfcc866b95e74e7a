namespace TrustLedger.Node.Core.Access;

/// <summary>What the read policy answers: allowed, or why not (the gRPC layer maps each verdict to a status).</summary>
public enum ReadVerdict
{
    Allowed,
    /// <summary>The caller could see the entity if it existed, and it does not: NOT_FOUND.</summary>
    NotFound,
    /// <summary>A known caller that may not read this (or may not learn whether it exists): PERMISSION_DENIED.</summary>
    Denied,
    /// <summary>No identity, and this read is not public: UNAUTHENTICATED.</summary>
    Unauthenticated,
}

public readonly record struct ReadDecision(ReadVerdict Verdict, string Reason)
{
    public static readonly ReadDecision Allow = new(ReadVerdict.Allowed, "");

    public bool IsAllowed => Verdict == ReadVerdict.Allowed;

    public static ReadDecision Deny(string reason) => new(ReadVerdict.Denied, reason);

    public static ReadDecision Missing(string reason) => new(ReadVerdict.NotFound, reason);
}
