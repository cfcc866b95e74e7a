namespace TrustLedger.Node.Storage;

internal sealed partial class BlockLog
{
    /// <summary>
    /// Finds the segment files and checks their headers; creates the first segment in an empty directory.
    /// A last segment with a partial header (crash while rolling) is rewritten; any other bad header is corruption.
    /// </summary>
    public static BlockLog Open(string directory, long segmentSize, Microsoft.Extensions.Logging.ILogger logger)
    {
        var numbers = new List<int>();
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "blocks-*.log"))
            if (LogFormat.TryParseSegmentNumber(Path.GetFileName(file), out var number)) numbers.Add(number);
        numbers.Sort();

        var segments = new LogSegment[numbers.Count];
        for (var i = 0; i < numbers.Count; i++)
        {
            var path = Path.Combine(directory, LogFormat.SegmentFileName(i + 1));
            if (numbers[i] != i + 1)
                throw new BlockLogCorruptException(path, null, $"segment file is missing but segment {numbers[i]} exists");
            segments[i] = new LogSegment(i + 1, path, new FileInfo(path).Length);
        }

        var log = new BlockLog(directory, segmentSize, logger, segments);
        try
        {
            if (segments.Length == 0) log.Roll();
            else log.CheckSegmentHeaders();
            return log;
        }
        catch
        {
            log.Dispose();
            throw;
        }
    }

    private void CheckSegmentHeaders()
    {
        var header = new byte[LogFormat.SegmentHeaderSize];
        foreach (var segment in _segments)
        {
            var read = segment.Read(0, header);
            var isLast = segment.Number == _segments.Length;
            if (read < header.Length && isLast)
            {
                RewriteHeader(segment);
                continue;
            }
            var problem = read < header.Length ? "file is shorter than a segment header" : LogFormat.CheckSegmentHeader(header, segment.Number);
            if (problem is not null) throw new BlockLogCorruptException(segment.Path, 0, problem);
        }
    }

    /// <summary>The process died between creating the segment and fsyncing its header: no record can follow, so start it again.</summary>
    private void RewriteHeader(LogSegment segment)
    {
        using (var stream = new FileStream(segment.Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0))
        {
            stream.SetLength(0);
            stream.Write(LogFormat.SegmentHeader(segment.Number));
            stream.Flush(flushToDisk: true);
        }
        StorageLog.SegmentHeaderRewritten(_logger, segment.Path);
        segment.Length = LogFormat.SegmentHeaderSize;
    }
}
