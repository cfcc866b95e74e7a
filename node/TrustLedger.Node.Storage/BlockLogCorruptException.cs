namespace TrustLedger.Node.Storage;

/// <summary>
/// The block log is damaged somewhere a crash cannot explain (not a torn write at the tail), or is shorter than
/// its index says. The store refuses to open or to serve the block: restore the named file from a backup or a peer.
/// </summary>
public sealed class BlockLogCorruptException : IOException
{
    /// <summary>Creates the exception for <paramref name="filePath"/>, at <paramref name="offset"/> when known.</summary>
    public BlockLogCorruptException(string filePath, long? offset, string reason)
        : base(offset is { } at
            ? $"block log {filePath} is damaged at offset {at}: {reason}"
            : $"block log {filePath}: {reason}")
    {
        FilePath = filePath;
        Offset = offset;
        Reason = reason;
    }

    /// <summary>The segment file (or directory) at fault.</summary>
    public string FilePath { get; }

    /// <summary>Byte offset of the damaged record in <see cref="FilePath"/>, when one record is at fault.</summary>
    public long? Offset { get; }

    /// <summary>What was found, without the location.</summary>
    public string Reason { get; }
}
