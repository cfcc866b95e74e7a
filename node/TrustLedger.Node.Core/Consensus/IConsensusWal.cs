using TrustLedger.Consensus.Wal;

namespace TrustLedger.Node.Core.Consensus;

/// <summary>
/// The consensus write-ahead log. <see cref="Append"/> returns only once the records are durable (fsync): the driver
/// sends nothing a step produced before that, so a node can never forget a vote it sent.
/// </summary>
public interface IConsensusWal : IDisposable
{
    /// <summary>Every record still held, in append order (a torn final record is dropped).</summary>
    IReadOnlyList<WalRecord> ReadAll();

    /// <summary>Appends <paramref name="records"/> in order and makes them durable.</summary>
    void Append(IReadOnlyList<WalRecord> records);

    /// <summary>Drops records below <paramref name="height"/> (their blocks are stored). May do nothing until it is worth a rewrite.</summary>
    void PruneBelow(ulong height);
}

/// <summary>A WAL in memory: for tests and simulations where "durable" means "survives the core".</summary>
public sealed class InMemoryConsensusWal : IConsensusWal
{
    private readonly List<byte[]> _records = new();
    private readonly Lock _lock = new();

    public int Count
    {
        get { lock (_lock) return _records.Count; }
    }

    public IReadOnlyList<WalRecord> ReadAll()
    {
        lock (_lock) return _records.Select(b => WalRecord.Decode(b)).ToList();
    }

    public void Append(IReadOnlyList<WalRecord> records)
    {
        lock (_lock) _records.AddRange(records.Select(r => r.Encode()));
    }

    public void PruneBelow(ulong height)
    {
        lock (_lock) _records.RemoveAll(b => WalRecord.Decode(b).Height < height);
    }

    public void Dispose() { }
}
