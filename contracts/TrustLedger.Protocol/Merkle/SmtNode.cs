using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Merkle;

/// <summary>A node of <see cref="SparseMerkleTree"/>, with its hash cached until a change marks it dirty.</summary>
internal abstract class SmtNode
{
    /// <summary>Valid only while <see cref="Dirty"/> is false.</summary>
    public Hash32 Hash;

    public bool Dirty = true;

    /// <summary>The fork that created this node and may change it in place; null for nodes of a tree that is no fork.</summary>
    public object? Owner;
}
