namespace TrustLedger.Simulation.Tests.Sim;

/// <summary>How a Byzantine validator misbehaves; a seed picks any combination.</summary>
[Flags]
internal enum ByzantineTraits
{
    None = 0,
    /// <summary>Sends nothing at all (crash-like).</summary>
    Silent = 1,
    /// <summary>Each peer gets a vote for a different value (or nil) in the same slot.</summary>
    EquivocateVotes = 2,
    /// <summary>Also votes, to everyone, for every value it has seen at the height.</summary>
    VoteForEverything = 4,
    /// <summary>As proposer, shows different values to different peers.</summary>
    EquivocateProposals = 8,
    /// <summary>As proposer, proposes values the block rules reject (bad bytes, wrong height).</summary>
    InvalidProposals = 16,
    /// <summary>Sends messages claiming other validators as sender, bad signatures, bogus certificates, garbage bytes, far-round votes.</summary>
    Forge = 32,
}
