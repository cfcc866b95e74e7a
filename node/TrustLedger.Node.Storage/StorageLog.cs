using Microsoft.Extensions.Logging;

namespace TrustLedger.Node.Storage;

/// <summary>The store's log messages (source-generated, so disabled levels cost nothing).</summary>
internal static partial class StorageLog
{
    [LoggerMessage(1, LogLevel.Information, "Block store {Directory} open at height {Height} ({Segments} log segments)")]
    public static partial void Opened(ILogger logger, string directory, ulong height, int segments);

    [LoggerMessage(2, LogLevel.Warning, "Block log {File}: cut {Bytes} bytes of a partial record at offset {Offset} ({Problem}); a crash interrupted an append that was never acknowledged")]
    public static partial void TornTailCut(ILogger logger, string file, long offset, long bytes, string problem);

    [LoggerMessage(3, LogLevel.Warning, "Block log {File}: rewrote a partial segment header left by a crash while starting the segment")]
    public static partial void SegmentHeaderRewritten(ILogger logger, string file);

    [LoggerMessage(4, LogLevel.Debug, "Block log: started segment {File}")]
    public static partial void SegmentCreated(ILogger logger, string file);

    [LoggerMessage(5, LogLevel.Warning, "Block index {File} rebuilt from the block log: {Reason}")]
    public static partial void IndexRebuilding(ILogger logger, string file, string reason);

    [LoggerMessage(6, LogLevel.Information, "Block index is behind the log: re-indexing from height {FromHeight} ({Bytes} bytes of log to read)")]
    public static partial void ReindexStarted(ILogger logger, ulong fromHeight, long bytes);

    [LoggerMessage(7, LogLevel.Information, "Re-indexing: {Blocks} blocks done, at height {Height}, {Percent:F1}% of the log read")]
    public static partial void ReindexProgress(ILogger logger, ulong blocks, ulong height, double percent);

    [LoggerMessage(8, LogLevel.Information, "Re-indexed {Blocks} blocks (heights {From}..{To}) in {Seconds:F1} s")]
    public static partial void Reindexed(ILogger logger, ulong blocks, ulong from, ulong to, double seconds);
}
