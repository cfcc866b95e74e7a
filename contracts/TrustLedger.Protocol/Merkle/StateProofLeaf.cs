using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Merkle;

/// <summary>The leaf a <see cref="StateProof"/> path ends on: the key's own leaf, or another key's (exclusion).</summary>
public sealed record StateProofLeaf(Hash32 KeyHash, Hash32 ValueHash);
