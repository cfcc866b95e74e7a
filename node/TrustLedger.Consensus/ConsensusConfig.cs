using TrustLedger.Consensus.Validators;
using TrustLedger.Protocol.Crypto;

namespace TrustLedger.Consensus;

/// <summary>Everything a <see cref="ConsensusCore"/> needs from its host. Fixed for the core's lifetime.</summary>
public sealed class ConsensusConfig
{
    /// <summary>Bound into every signature, so votes cannot be replayed on another chain.</summary>
    public required string ChainId { get; init; }

    /// <summary>The genesis crypto suite (<see cref="CryptoSuites.Eth"/> or <see cref="CryptoSuites.Sm"/>).</summary>
    public required ICryptoSuite Suite { get; init; }

    /// <summary>This node's validator key; null for a node that follows without voting. A key outside a height's set does not vote at that height.</summary>
    public KeyPair? SigningKey { get; init; }

    public required IValidatorSetProvider Validators { get; init; }

    public required IProposalValidator ProposalValidator { get; init; }

    public TimeoutPolicy Timeouts { get; init; } = TimeoutPolicy.Default;

    /// <summary>Proposals with larger values are dropped unread.</summary>
    public int MaxValueBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Test-only mutation: prevote ignores the lock. Exists to prove the simulator's safety checker can fail.</summary>
    internal bool UnsafeDisableLocking { get; init; }

    /// <summary>Test-only mutation: steps return no WAL records, so a restarted node forgets what it signed.</summary>
    internal bool UnsafeSkipWal { get; init; }
}
