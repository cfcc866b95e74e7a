using Microsoft.Extensions.Logging;

namespace TrustLedger.Node.Storage;

/// <summary>
/// The append-only, fsynced block log (format in <see cref="LogFormat"/>): the store's source of truth.
/// One writer appends; readers read records by location concurrently. After <see cref="Open"/> the caller must run
/// <see cref="Recover"/> once, which checks the tail and positions the writer.
/// </summary>
internal sealed partial class BlockLog : IDisposable
{
    private readonly string _directory;
    private readonly long _segmentSize;
    private readonly ILogger _logger;
    private LogSegment[] _segments; // copy-on-write: readers index it without a lock
    private FileStream? _writer;
    private Exception? _fault;

    private BlockLog(string directory, long segmentSize, ILogger logger, LogSegment[] segments)
    {
        _directory = directory;
        _segmentSize = segmentSize;
        _logger = logger;
        _segments = segments;
    }

    public string Directory => _directory;
    public int SegmentCount => Volatile.Read(ref _segments).Length;
    public static LogPosition Start => new(1, LogFormat.SegmentHeaderSize);

    /// <summary>Appends one record and fsyncs it. Any failure poisons the log: a half-written record may be on disk.</summary>
    public BlockLocation Append(ulong height, ReadOnlySpan<byte> payload)
    {
        if (_fault is not null) throw new InvalidOperationException("the block log failed earlier; reopen the store to recover", _fault);
        if (_writer is null) throw new InvalidOperationException("the block log has not been recovered yet");
        if (payload.Length > LogFormat.MaxPayload) throw new ArgumentException($"a block of {payload.Length} bytes is over the {LogFormat.MaxPayload}-byte limit");
        try
        {
            var current = Current;
            if (current.Length >= _segmentSize && current.Length > LogFormat.SegmentHeaderSize)
                current = Roll();
            var offset = current.Length;
            _writer.Write(LogFormat.RecordHeader(height, payload));
            _writer.Write(payload);
            _writer.Flush(flushToDisk: true); // the one fsync per block that makes Append durable
            var location = new BlockLocation(current.Number, offset, payload.Length);
            current.Length = location.End;
            return location;
        }
        catch (Exception ex)
        {
            _fault = ex;
            throw;
        }
    }

    /// <summary>The verified payload of the record at <paramref name="location"/>, which must hold <paramref name="height"/>.</summary>
    public ReadOnlyMemory<byte> Read(BlockLocation location, ulong height)
    {
        var segment = Segment(location.Segment)
            ?? throw new BlockLogCorruptException(Path.Combine(_directory, LogFormat.SegmentFileName(location.Segment)), null, $"segment holding block {height} is missing");
        var record = new byte[LogFormat.RecordHeaderSize + location.Length];
        var read = segment.Read(location.Offset, record);
        var problem = LogFormat.CheckRecordHeader(record, read)
            ?? LogFormat.CheckRecordBody(record, record.AsSpan(LogFormat.RecordHeaderSize))
            ?? CheckIdentity(record, location, height);
        if (problem is not null) throw new BlockLogCorruptException(segment.Path, location.Offset, $"block {height}: {problem}");
        return record.AsMemory(LogFormat.RecordHeaderSize);
    }

    public string PathOf(int segment) => Path.Combine(_directory, LogFormat.SegmentFileName(segment));

    public void Dispose()
    {
        _writer?.Dispose();
        _writer = null;
        foreach (var segment in Volatile.Read(ref _segments)) segment.Dispose();
    }

    private LogSegment Current => _segments[^1];

    private LogSegment? Segment(int number)
    {
        var segments = Volatile.Read(ref _segments);
        return number >= 1 && number <= segments.Length ? segments[number - 1] : null;
    }

    private static string? CheckIdentity(ReadOnlySpan<byte> record, BlockLocation location, ulong height)
    {
        if (LogFormat.PayloadLength(record) != (uint)location.Length)
            return $"record length {LogFormat.PayloadLength(record)} differs from the index's {location.Length}";
        var stored = LogFormat.Height(record);
        return stored == height ? null : $"record holds height {stored}";
    }

    /// <summary>Starts the next segment: header written and fsynced, directory fsynced, then the writer moves to it.</summary>
    private LogSegment Roll()
    {
        var number = SegmentCount + 1;
        var path = PathOf(number);
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        try
        {
            stream.Write(LogFormat.SegmentHeader(number));
            stream.Flush(flushToDisk: true);
            DirectorySync.Flush(_directory);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
        _writer?.Dispose();
        _writer = stream;
        var segment = new LogSegment(number, path, LogFormat.SegmentHeaderSize);
        Volatile.Write(ref _segments, [.. _segments, segment]);
        StorageLog.SegmentCreated(_logger, path);
        return segment;
    }
}
