namespace TrustLedger.Contracts.Points;

/// <summary>Network-wide points rules. Every node must use the same values (they belong in the genesis).</summary>
/// <param name="DefaultMonthlyCap">Points an issuer may award per UTC calendar month unless <c>points.set_cap</c> set its own cap.</param>
/// <param name="MaxAward">Largest single award.</param>
/// <param name="DefaultValidityMs">Lifetime of awarded points that name no expiry; 0 = they never expire.</param>
/// <param name="MaxLots">Most expiry lots one account holds (lots of one issuer with one expiry merge).</param>
public sealed record PointsOptions(
    ulong DefaultMonthlyCap = 1_000_000,
    ulong MaxAward = 100_000,
    long DefaultValidityMs = 0,
    int MaxLots = 256);
