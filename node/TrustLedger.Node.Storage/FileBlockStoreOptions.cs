namespace TrustLedger.Node.Storage;

/// <summary>Tuning and recovery knobs of <see cref="FileBlockStore"/>; the defaults suit a node.</summary>
public sealed class FileBlockStoreOptions
{
    /// <summary>A segment file is closed once it reaches this size (a block never spans two). Default 256 MiB.</summary>
    public long SegmentSize { get; init; } = 256L * 1024 * 1024;

    /// <summary>Recent blocks whose header and location are kept in memory. Default 1024.</summary>
    public int RecentBlocks { get; init; } = 1024;

    /// <summary>Throw away the index and rebuild it from the log on open.</summary>
    public bool RebuildIndex { get; init; }

    /// <summary>Verify the checksum of every record on open, not only those after the index (reads the whole log).</summary>
    public bool VerifyLog { get; init; }

    /// <summary>Tests hold the background indexer here (it waits for the gate before each batch) to read a lagging index.</summary>
    internal ManualResetEventSlim? IndexGate { get; init; }

    /// <summary>Bytes of a tx id used as its index key (8). Tests shrink it to force key collisions.</summary>
    internal int TxKeyBytes { get; init; } = 8;

    /// <summary>Told after each batch while the index catches up with the log on open.</summary>
    public IProgress<RecoveryProgress>? Progress { get; init; }
}
