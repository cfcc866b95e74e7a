using TrustLedger.Contracts.Abstractions;
using TrustLedger.Node.Core.Chain;
using TrustLedger.Node.Grains.Watch;

namespace TrustLedger.Node.Hosting.Watch;

/// <summary>Durable reads of the node's ledger for live views: while a block is being stored, waits for its commit.</summary>
public sealed class LedgerStateReader(LedgerState ledger, CommitFeed feed) : ICommittedStateReader
{
    // Storing one block takes one fsync; a node that cannot store for this long has failed and is stopping.
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    public ulong Height => ledger.Height;

    public async Task<T> ReadAsync<T>(Func<IStateStore, CommittedHead, T> read)
    {
        while (true)
        {
            var committed = feed.NextBlock; // taken before trying, so the commit we wait for cannot slip past
            if (ledger.TryReadDurable((state, head) =>
                    read(state, new CommittedHead(head?.Header.Height ?? 0, head?.Header.TimeMs ?? ledger.Chain.Genesis.GenesisTimeMs)), out var value))
                return value;
            await committed.WaitAsync(MaxWait);
        }
    }
}
