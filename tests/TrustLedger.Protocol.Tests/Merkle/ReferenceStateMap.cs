using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Tests.Merkle;

/// <summary>
/// The spec of <c>SparseMerkleTree</c> as a plain dictionary plus a from-scratch root: split the sorted leaves by
/// path bit until a subtree holds at most one leaf.
/// </summary>
internal sealed class ReferenceStateMap(IHashFunction hash)
{
    private readonly Dictionary<string, (byte[] Key, byte[] Value)> _entries = [];

    public int Count => _entries.Count;

    public void Set(byte[] key, byte[] value) => _entries[Convert.ToHexString(key)] = (key.ToArray(), value.ToArray());

    public bool Remove(byte[] key) => _entries.Remove(Convert.ToHexString(key));

    public byte[]? Get(byte[] key) => _entries.TryGetValue(Convert.ToHexString(key), out var e) ? e.Value : null;

    public IEnumerable<(byte[] Key, byte[] Value)> Entries => _entries.Values;

    public Hash32 Root()
    {
        var leaves = _entries.Values
            .Select(e => (Path: hash.Hash(e.Key), Leaf: hash.Hash(0x00, hash.Hash(e.Key), hash.Hash(e.Value))))
            .OrderBy(x => x.Path)
            .ToArray();
        return Subtree(leaves, 0);
    }

    private Hash32 Subtree(ReadOnlySpan<(Hash32 Path, Hash32 Leaf)> leaves, int depth)
    {
        if (leaves.Length == 0)
            return Hash32.Zero;
        if (leaves.Length == 1)
            return leaves[0].Leaf;
        int split = 0;
        while (split < leaves.Length && !leaves[split].Path.Bit(depth))
            split++;
        return hash.Hash(0x01, Subtree(leaves[..split], depth + 1), Subtree(leaves[split..], depth + 1));
    }
}
