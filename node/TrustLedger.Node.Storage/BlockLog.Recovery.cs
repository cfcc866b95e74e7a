namespace TrustLedger.Node.Storage;

internal sealed partial class BlockLog
{
    /// <summary>Callback for each whole record met by <see cref="Recover"/>: height, location, verified payload.</summary>
    public delegate void RecordVisitor(ulong height, BlockLocation location, ReadOnlyMemory<byte> payload);

    /// <summary>Bytes of log from <paramref name="start"/> to the end, for progress reports.</summary>
    public long BytesFrom(LogPosition start)
    {
        long total = 0;
        foreach (var segment in _segments)
            if (segment.Number >= start.Segment)
                total += segment.Length - (segment.Number == start.Segment ? start.Offset : LogFormat.SegmentHeaderSize);
        return Math.Max(0, total);
    }

    /// <summary>
    /// Checks that the index's last block is really where the index says. A log that ends before it lost
    /// acknowledged blocks: refuse rather than silently serve a shorter chain.
    /// </summary>
    public void CheckIndexedRecord(BlockLocation location, ulong height)
    {
        var segment = Segment(location.Segment);
        if (segment is null || location.End > segment.FileLength())
            throw new BlockLogCorruptException(PathOf(location.Segment), null,
                $"the index records block {height} at offset {location.Offset}, but the block log ends before it: segment files are missing or " +
                "truncated. Restore them from a backup; or delete the index to accept the shorter log and sync the missing blocks from peers");
        _ = Read(location, height);
    }

    /// <summary>
    /// Reads every record from <paramref name="start"/> (expected to hold <paramref name="firstHeight"/>) to the end,
    /// verifying each. A damaged record with no valid record after it in the last segment is a torn write and is cut
    /// off; any other damage is corruption. Afterwards the writer sits at the end. Returns the last height.
    /// </summary>
    public ulong Recover(LogPosition start, ulong firstHeight, RecordVisitor visit)
    {
        var expected = firstHeight;
        var header = new byte[LogFormat.RecordHeaderSize];
        foreach (var segment in _segments)
        {
            if (segment.Number < start.Segment) continue;
            var isLast = segment.Number == _segments.Length;
            var offset = segment.Number == start.Segment ? start.Offset : LogFormat.SegmentHeaderSize;
            var fileLength = segment.FileLength();
            while (offset < fileLength)
            {
                var available = fileLength - offset;
                segment.Read(offset, header);
                var problem = LogFormat.CheckRecordHeader(header, available);
                byte[]? record = null;
                if (problem is null)
                {
                    record = new byte[LogFormat.RecordHeaderSize + LogFormat.PayloadLength(header)];
                    segment.Read(offset, record);
                    problem = LogFormat.CheckRecordBody(record, record.AsSpan(LogFormat.RecordHeaderSize));
                }
                if (problem is not null || record is null)
                {
                    if (isLast && !HasValidRecord(segment, offset + 1, fileLength))
                    {
                        CutTornTail(segment, offset, fileLength, problem ?? "unreadable record");
                        fileLength = offset;
                        break;
                    }
                    throw new BlockLogCorruptException(segment.Path, offset,
                        $"{problem}; {(isLast ? "valid records follow it" : "later segments exist")}, so this is not a torn write at the tail");
                }
                var height = LogFormat.Height(record);
                if (height != expected)
                    throw new BlockLogCorruptException(segment.Path, offset, $"record holds height {height}, expected {expected}");
                var location = new BlockLocation(segment.Number, offset, record.Length - LogFormat.RecordHeaderSize);
                visit(height, location, record.AsMemory(LogFormat.RecordHeaderSize));
                offset = location.End;
                expected++;
            }
            segment.Length = fileLength;
        }
        OpenWriter();
        return expected - 1;
    }

    /// <summary>True when a whole, checksummed record starts anywhere in [<paramref name="from"/>, <paramref name="end"/>).</summary>
    private static bool HasValidRecord(LogSegment segment, long from, long end)
    {
        if (from >= end) return false;
        var bytes = new byte[checked((int)(end - from))];
        var length = segment.Read(from, bytes);
        var span = bytes.AsSpan(0, length);
        for (var at = span.IndexOf(LogFormat.RecordMagicBytes); at >= 0;)
        {
            var candidate = span[at..];
            if (LogFormat.CheckRecordHeader(candidate, candidate.Length) is null)
            {
                var recordLength = LogFormat.RecordHeaderSize + (int)LogFormat.PayloadLength(candidate);
                if (LogFormat.CheckRecordBody(candidate, candidate[LogFormat.RecordHeaderSize..recordLength]) is null) return true;
            }
            var next = span[(at + 1)..].IndexOf(LogFormat.RecordMagicBytes);
            at = next < 0 ? -1 : at + 1 + next;
        }
        return false;
    }

    private void CutTornTail(LogSegment segment, long offset, long fileLength, string problem)
    {
        using (var stream = new FileStream(segment.Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0))
        {
            stream.SetLength(offset);
            stream.Flush(flushToDisk: true);
        }
        StorageLog.TornTailCut(_logger, segment.Path, offset, fileLength - offset, problem);
    }

    private void OpenWriter()
    {
        var current = Current;
        _writer ??= new FileStream(current.Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        _writer.Position = current.Length;
    }
}
