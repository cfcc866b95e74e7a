namespace TrustLedger.Consensus;

/// <summary>
/// Step timeouts. Each grows linearly with the round (base + delta × round), so after the network stabilises some
/// round is long enough for an honest proposer's round to finish; capped at <see cref="Max"/>.
/// </summary>
public sealed record TimeoutPolicy(
    TimeSpan ProposeBase,
    TimeSpan ProposeDelta,
    TimeSpan PrevoteBase,
    TimeSpan PrevoteDelta,
    TimeSpan PrecommitBase,
    TimeSpan PrecommitDelta,
    TimeSpan Max)
{
    /// <summary>CometBFT's defaults: propose 3 s + 0.5 s per round, prevote and precommit 1 s + 0.5 s per round, at most 60 s.</summary>
    public static TimeoutPolicy Default { get; } = new(
        TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(500),
        TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500),
        TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500),
        TimeSpan.FromSeconds(60));

    /// <summary>The timeout of <paramref name="step"/> in <paramref name="round"/>.</summary>
    public TimeSpan For(RoundStep step, int round)
    {
        var (baseline, delta) = step switch
        {
            RoundStep.Propose => (ProposeBase, ProposeDelta),
            RoundStep.Prevote => (PrevoteBase, PrevoteDelta),
            _ => (PrecommitBase, PrecommitDelta),
        };
        // Saturating integer arithmetic: no overflow at absurd rounds, no floating point in the core.
        var room = Max.Ticks - baseline.Ticks;
        if (room <= 0) return Max;
        if (delta.Ticks > 0 && round > 0 && room / delta.Ticks < round) return Max;
        return TimeSpan.FromTicks(baseline.Ticks + delta.Ticks * round);
    }
}
