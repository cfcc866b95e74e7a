using System.Runtime.CompilerServices;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Membership;
using TrustLedger.Node.Core.Execution;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Merkle;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Core.Chain;

/// <summary>
/// The committed chain as one node holds it in memory: head header, the Merkle log of every transaction id
/// and the authenticated state map. Rebuilt on start by replaying the block store (the source of truth).
/// Single writer: the chain driver. <see cref="Head"/> is safe to read from any thread.
/// </summary>
public sealed class LedgerState
{
    private volatile HeadInfo? _head;

    // Readers on other threads (admission dry-runs, queries) see the state between blocks, never half a block.
    private readonly ReaderWriterLockSlim _stateLock = new(LockRecursionPolicy.NoRecursion);

    // State trees previewed for executions (Preview → Apply); an entry lives as long as its execution.
    private readonly ConditionalWeakTable<ExecutionResult, SparseMerkleTree> _previewed = new();

    private LedgerState(ChainConfig chain)
    {
        Chain = chain;
        State = new StateTreeStore(new SparseMerkleTree(chain.Suite.Hash));
        Log = new MerkleLog(chain.Suite.Hash);
    }

    public ChainConfig Chain { get; }
    public StateTreeStore State { get; }
    public MerkleLog Log { get; }

    /// <summary>The last durable header with its hash, or null before block 1.</summary>
    public HeadInfo? Head => _head;
    public ulong Height => _head?.Header.Height ?? 0;
    public Hash32 HeadHash => _head?.Hash ?? Chain.GenesisHash;
    public long HeadTimeMs => _head?.Header.TimeMs ?? Chain.Genesis.GenesisTimeMs;

    /// <summary>
    /// The height whose post-state the tree holds. Read it inside <see cref="ReadState{T}"/>: it runs one block ahead
    /// of <see cref="Height"/> while a block is being stored.
    /// </summary>
    public ulong StateHeight { get; private set; }

    /// <summary>State root before block 1: the genesis organisations.</summary>
    public Hash32 GenesisStateRoot { get; private set; }

    /// <summary>State root at the head, safe to read from any thread (the tree itself is not).</summary>
    public Hash32 HeadStateRoot => _head?.Header.StateRoot ?? GenesisStateRoot;

    /// <summary>Transaction-log root at the head (the RFC 9162 empty-tree root before block 1).</summary>
    public Hash32 HeadLogRoot => _head?.Header.LogRoot ?? MerkleProofs.EmptyRoot(Chain.Suite.Hash);

    /// <summary>State at genesis: the organisations and their keys.</summary>
    public static LedgerState FromGenesis(ChainConfig chain)
    {
        var ledger = new LedgerState(chain);
        MembershipState.Initialise(ledger.State, chain.Genesis, key => chain.Suite.AddressOf(key));
        ledger.GenesisStateRoot = ledger.State.Tree.Root;
        return ledger;
    }

    /// <summary>
    /// Applies an execution result on top of the head and returns the header of the resulting block.
    /// The head itself moves only with <see cref="SetHead"/>, once the block is durable: if storing fails
    /// the node must stop and rebuild from its store (fail-stop), as the in-memory state is then ahead.
    /// </summary>
    public BlockHeader Apply(ExecutionResult execution, long timeMs, Address proposer)
    {
        Hash32 stateRoot, validatorSetHash;
        _stateLock.EnterWriteLock();
        try
        {
            validatorSetHash = NextValidatorSetHash();
            // A previewed execution already holds the tree with its writes, hashed: take it instead of redoing both.
            if (!(_previewed.TryGetValue(execution, out var previewed) && State.Tree.TryAdopt(previewed)))
                foreach (var (key, value) in execution.Writes.WritesInKeyOrder())
                {
                    if (value is null) State.Remove(key);
                    else State.Set(key, value);
                }
            stateRoot = State.Tree.Root; // computing the root updates cached hashes: a write
            StateHeight = Height + 1;
        }
        finally
        {
            _stateLock.ExitWriteLock();
        }
        foreach (var tx in execution.Included) Log.AppendLeaf(tx.Id.ToArray());
        return new BlockHeader(Chain.ChainId, Height + 1, HeadHash, timeMs, (uint)execution.Included.Count,
            (ulong)Log.Size, Log.Root, stateRoot, ReceiptsRoot(execution.Receipts), validatorSetHash, proposer);
    }

    /// <summary>
    /// The header committing <paramref name="execution"/> on top of the head would have, leaving the ledger as it
    /// was: how a validator checks a proposed block before it is decided. The writes go to a copy-on-write fork of the
    /// state tree, so readers never see them; the fork is kept with the execution (while the execution lives), and
    /// <see cref="Apply"/> of the same execution on the same head takes the fork as the new state in O(1).
    /// </summary>
    public BlockHeader Preview(ExecutionResult execution, long timeMs, Address proposer)
    {
        Hash32 stateRoot, validatorSetHash;
        SparseMerkleTree fork;
        _stateLock.EnterWriteLock();
        try
        {
            validatorSetHash = NextValidatorSetHash();
            fork = State.Tree.Fork(); // brings the committed root's cached hashes up to date: a write
        }
        finally
        {
            _stateLock.ExitWriteLock();
        }
        // The fork only reads committed nodes, and only this thread (the single writer) could change them.
        foreach (var (key, value) in execution.Writes.WritesInKeyOrder())
        {
            if (value is null) fork.Remove(key);
            else fork.Set(key, value);
        }
        stateRoot = fork.Root;
        _previewed.AddOrUpdate(execution, fork);
        var leaves = execution.Included.Select(tx => MerkleProofs.LeafHash(Chain.Suite.Hash, tx.Id.ToArray())).ToArray();
        return new BlockHeader(Chain.ChainId, Height + 1, HeadHash, timeMs, (uint)execution.Included.Count,
            (ulong)(Log.Size + leaves.Length), Log.RootWithAppended(leaves), stateRoot, ReceiptsRoot(execution.Receipts), validatorSetHash, proposer);
    }

    /// <summary>
    /// The validator set that signs block <paramref name="height"/>, from committed state; safe from any thread. The
    /// state fixes sets up to <see cref="ValidatorSchedule.Lookahead"/> heights beyond its own, so a consensus host may
    /// ask for the set of the height after the one just decided before that block is applied.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Height 0, or a height the state does not fix yet.</exception>
    public ValidatorSet ValidatorSetAt(ulong height) => ReadState(state =>
    {
        if (height == 0 || height > StateHeight + ValidatorSchedule.Lookahead)
            throw new ArgumentOutOfRangeException(nameof(height), height,
                $"the state at height {StateHeight} fixes the validator sets of heights 1 to {StateHeight + ValidatorSchedule.Lookahead}");
        return ValidatorSchedule.At(state, Chain.Suite, height);
    });

    // The header names the set of its own height; read before the block's writes (they only schedule later heights).
    private Hash32 NextValidatorSetHash() => ValidatorSchedule.At(State, Chain.Suite, Height + 1).ComputeHash(Chain.Suite.Hash);

    /// <summary>
    /// Reads committed state from any thread, between blocks. The chain driver itself reads <see cref="State"/>
    /// directly: it is the only writer, so its reads never race a write.
    /// </summary>
    public T ReadState<T>(Func<IStateStore, T> read)
    {
        _stateLock.EnterReadLock();
        try
        {
            return read(State);
        }
        finally
        {
            _stateLock.ExitReadLock();
        }
    }

    /// <summary>
    /// Like <see cref="ReadState{T}"/>, but only while the state is durable: false (and <paramref name="read"/> is not
    /// called) while a block is applied in memory and not yet stored, so a reader never reports a value that a crash
    /// could still undo. <paramref name="read"/> also gets the head the state belongs to (null before block 1).
    /// </summary>
    public bool TryReadDurable<T>(Func<IStateStore, HeadInfo?, T> read, out T value)
    {
        _stateLock.EnterReadLock();
        try
        {
            // Under the read lock no block can be applied, so the head can only catch up with the state, never pass it.
            var head = _head;
            if (StateHeight != (head?.Header.Height ?? 0))
            {
                value = default!;
                return false;
            }
            value = read(State, head);
            return true;
        }
        finally
        {
            _stateLock.ExitReadLock();
        }
    }

    public void SetHead(BlockHeader header)
    {
        if (header.Height != Height + 1) throw new InvalidOperationException($"head moves to {Height + 1}, not {header.Height}");
        _head = new HeadInfo(header, header.ComputeHash(Chain.Suite.Hash));
    }

    /// <summary>RFC 9162 tree hash over the block's encoded receipts, so one receipt can be proven against a header.</summary>
    public Hash32 ReceiptsRoot(IReadOnlyList<Receipt> receipts)
    {
        var tree = new MerkleLog(Chain.Suite.Hash);
        foreach (var receipt in receipts) tree.AppendLeaf(receipt.Encode());
        return tree.Root;
    }
}

/// <summary>A committed header together with its hash.</summary>
public sealed record HeadInfo(BlockHeader Header, Hash32 Hash);
