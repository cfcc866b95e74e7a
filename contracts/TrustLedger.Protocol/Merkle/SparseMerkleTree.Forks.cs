namespace TrustLedger.Protocol.Merkle;

// Copy-on-write forks: how a validator computes the state root a block would give without touching committed state,
// and then commits that very tree instead of applying the block's writes a second time.
public sealed partial class SparseMerkleTree
{
    private object? _owner;               // a fork's token (its nodes carry it); null for a tree that is no fork
    private long _version;                // counts changes, so a fork knows whether its base moved on
    private SparseMerkleTree? _forkOf;
    private long _forkVersion;

    /// <summary>
    /// A fork of this tree: it holds the same entries and shares every node; its updates copy the nodes on their
    /// paths, so this tree never changes through it. Reading or updating the fork is valid only while this tree does
    /// not change (a change makes <see cref="TryAdopt"/> refuse it). Brings this tree's root up to date first.
    /// </summary>
    public SparseMerkleTree Fork()
    {
        if (_owner is not null) throw new InvalidOperationException("a fork cannot be forked");
        _ = Root; // the fork never writes to a shared node, so every shared hash must be current
        return new SparseMerkleTree(_hash) { _root = _root, Count = Count, _owner = new object(), _forkOf = this, _forkVersion = _version };
    }

    /// <summary>
    /// Makes this tree hold exactly what <paramref name="fork"/> holds, in O(1), when the fork was taken from this tree
    /// and this tree has not changed since; false (and nothing changes) otherwise. The fork is spent: should it be
    /// updated again, it copies what it changes.
    /// </summary>
    public bool TryAdopt(SparseMerkleTree fork)
    {
        ArgumentNullException.ThrowIfNull(fork);
        if (!ReferenceEquals(fork._forkOf, this) || fork._forkVersion != _version) return false;
        _ = fork.Root;
        _root = fork._root;
        Count = fork.Count;
        _version++;
        fork._forkOf = null;
        fork._owner = new object();
        return true;
    }

    private void Changing() => _version++;

    // The node at a path position, made changeable: a fork copies a node it does not own and links the copy in.
    private SmtBranch Own(SmtBranch node, SmtBranch? parent, bool side)
    {
        if (_owner is null || ReferenceEquals(node.Owner, _owner)) return node;
        var copy = new SmtBranch { Left = node.Left, Right = node.Right, Hash = node.Hash, Dirty = node.Dirty, Owner = _owner };
        Link(parent, side, copy);
        return copy;
    }

    private SmtLeaf Own(SmtLeaf node, SmtBranch? parent, bool side)
    {
        if (_owner is null || ReferenceEquals(node.Owner, _owner)) return node;
        var copy = new SmtLeaf(node.KeyHash, node.Key, node.Value) { ValueHash = node.ValueHash, Hash = node.Hash, Dirty = node.Dirty, Owner = _owner };
        Link(parent, side, copy);
        return copy;
    }

    private void Link(SmtBranch? parent, bool side, SmtNode node)
    {
        if (parent is null)
            _root = node;
        else
            parent.SetChild(side, node);
    }
}
