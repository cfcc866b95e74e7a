using TrustLedger.Contracts.Abstractions;

namespace TrustLedger.Node.Grains.Watch;

/// <summary>The committed head a read saw: its height and block time (the genesis time before block 1).</summary>
public readonly record struct CommittedHead(ulong Height, long BlockTimeMs);

/// <summary>How live views read the ledger: durable state only, never a block still being stored.</summary>
public interface ICommittedStateReader
{
    /// <summary>The durable head height now.</summary>
    ulong Height { get; }

    /// <summary>Runs <paramref name="read"/> over durable state and the head it belongs to; waits while a block is being stored.</summary>
    Task<T> ReadAsync<T>(Func<IStateStore, CommittedHead, T> read);
}
