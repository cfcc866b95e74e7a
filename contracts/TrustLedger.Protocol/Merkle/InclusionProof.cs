using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Merkle;

/// <summary>
/// RFC 9162 §2.1.3 inclusion proof: the audit path for leaf <see cref="LeafIndex"/> (0-based) in the tree of the
/// first <see cref="TreeSize"/> leaves, ordered from the leaf's sibling up to the root's child.
/// Check it with <see cref="MerkleProofs.VerifyInclusion"/>.
/// </summary>
public sealed record InclusionProof(long LeafIndex, long TreeSize, IReadOnlyList<Hash32> Path);
