using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Merkle;

/// <summary>
/// RFC 9162 §2.1.4 consistency proof that the tree of <see cref="NewSize"/> leaves extends the tree of
/// <see cref="OldSize"/> leaves (append-only growth). Empty when <c>OldSize</c> is 0 or equals <c>NewSize</c>.
/// Check it with <see cref="MerkleProofs.VerifyConsistency"/>.
/// </summary>
public sealed record ConsistencyProof(long OldSize, long NewSize, IReadOnlyList<Hash32> Path);
