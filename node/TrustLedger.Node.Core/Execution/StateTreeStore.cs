using TrustLedger.Contracts.Abstractions;
using TrustLedger.Protocol.Merkle;

namespace TrustLedger.Node.Core.Execution;

/// <summary>The authenticated state map seen through <see cref="IStateStore"/>.</summary>
public sealed class StateTreeStore(SparseMerkleTree tree) : IStateStore
{
    public SparseMerkleTree Tree { get; } = tree;

    public byte[]? Get(ReadOnlySpan<byte> key) => Tree.Get(key);
    public void Set(byte[] key, byte[] value) => Tree.Set(key, value);
    public void Remove(byte[] key) => Tree.Remove(key);
}
