using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Storage.Tests;

/// <summary>Byte-level surgery on a closed store's files, to stage crashes and corruption.</summary>
internal static class LogFiles
{
    public static string Segment(string directory, int number) => Path.Combine(directory, LogFormat.SegmentFileName(number));

    public static string[] Segments(string directory) =>
        [.. Directory.GetFiles(directory, "blocks-*.log").Order(StringComparer.Ordinal)];

    /// <summary>Offset and payload length of every record in a segment, walking the headers.</summary>
    public static List<(long Offset, int Length)> Records(string segmentPath)
    {
        var bytes = File.ReadAllBytes(segmentPath);
        var records = new List<(long, int)>();
        for (var at = LogFormat.SegmentHeaderSize; at < bytes.Length;)
        {
            var length = (int)LogFormat.PayloadLength(bytes.AsSpan(at));
            records.Add((at, length));
            at += LogFormat.RecordHeaderSize + length;
        }
        return records;
    }

    /// <summary>The exact record bytes the store writes for <paramref name="block"/>.</summary>
    public static byte[] Record(Block block)
    {
        var payload = block.Encode();
        return [.. LogFormat.RecordHeader(block.Height, payload), .. payload];
    }

    public static void FlipByte(string path, long offset)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        file.Position = offset;
        var b = file.ReadByte();
        file.Position = offset;
        file.WriteByte((byte)(b ^ 0x5A));
    }

    public static void AppendBytes(string path, ReadOnlySpan<byte> bytes)
    {
        using var file = new FileStream(path, FileMode.Append, FileAccess.Write);
        file.Write(bytes);
    }

    public static void Truncate(string path, long length)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.SetLength(length);
    }

    /// <summary>
    /// Copies the store's files as the OS holds them right now — what a kill -9 at this instant leaves on disk
    /// (the page cache survives a process kill). The LOCK file is skipped: it is held, and meaningless in a copy.
    /// </summary>
    public static void CopyStoreFiles(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            if (Path.GetFileName(file) == "LOCK") continue;
            using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var target = File.Create(Path.Combine(to, Path.GetFileName(file)));
            source.CopyTo(target);
        }
    }
}
