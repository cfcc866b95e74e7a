using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Sdk.Verification;

/// <summary>A transaction proven to be in the log certified by <see cref="Checkpoint"/>.</summary>
public sealed record VerifiedInclusion(Hash32 TxId, ulong TxHeight, ulong LeafIndex, BlockHeader Checkpoint);

/// <summary>The log certified at <see cref="To"/> proven to extend the log certified at <see cref="From"/>.</summary>
public sealed record VerifiedConsistency(BlockHeader From, BlockHeader To);

/// <summary>A state key's value (null = absent) proven against the state root certified by <see cref="Checkpoint"/>.</summary>
public sealed record VerifiedState(byte[] Key, byte[]? Value, BlockHeader Checkpoint);
