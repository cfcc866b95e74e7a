using System.Buffers.Binary;
using Microsoft.Extensions.Logging;
using TrustLedger.Consensus.Wal;
using TrustLedger.Node.Core.Consensus;

namespace TrustLedger.Node.Storage;

/// <summary>
/// The consensus WAL on disk: one file of frames <c>u32 length ‖ u32 crc32c(payload) ‖ payload</c>, each payload a
/// <see cref="WalRecord"/>. Every <see cref="Append"/> ends with an fsync. On open, a torn or corrupt tail (a crash
/// mid-write) is cut off: those records were never acknowledged, so nothing sent depends on them. Pruning rewrites the
/// file beside it and renames it into place, so a crash leaves either the old or the new file, never a mix.
/// </summary>
public sealed class FileConsensusWal : IConsensusWal
{
    private const string FileName = "consensus.wal";
    private const int FrameHeader = 8;
    private const int MaxRecordBytes = 256 * 1024 * 1024;
    private const long PruneThresholdBytes = 16 * 1024 * 1024;

    private readonly string _directory;
    private readonly string _path;
    private readonly ILogger _logger;
    private FileStream _file;
    private List<WalRecord> _records;

    private FileConsensusWal(string directory, ILogger logger)
    {
        _directory = directory;
        _path = Path.Combine(directory, FileName);
        _logger = logger;
        _records = Load(out var goodLength);
        _file = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.None);
        if (_file.Length > goodLength)
        {
            _logger.LogWarning("Consensus WAL {Path}: cutting a torn tail of {Bytes} bytes after {Records} records", _path, _file.Length - goodLength, _records.Count);
            _file.SetLength(goodLength);
            _file.Flush(flushToDisk: true);
        }
        _file.Seek(0, SeekOrigin.End);
    }

    /// <summary>Opens (or creates) the WAL in <paramref name="directory"/>.</summary>
    public static FileConsensusWal Open(string directory, ILogger logger)
    {
        Directory.CreateDirectory(directory);
        return new FileConsensusWal(directory, logger);
    }

    public IReadOnlyList<WalRecord> ReadAll() => _records.ToList();

    public void Append(IReadOnlyList<WalRecord> records)
    {
        if (records.Count == 0) return;
        var payloads = records.Select(r => r.Encode()).ToList();
        var buffer = new byte[payloads.Sum(p => p.Length + FrameHeader)];
        var at = 0;
        foreach (var payload in payloads)
        {
            BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(at), (uint)payload.Length);
            BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(at + 4), Crc32C.Compute(payload));
            payload.CopyTo(buffer.AsSpan(at + FrameHeader));
            at += payload.Length + FrameHeader;
        }
        _file.Write(buffer);
        _file.Flush(flushToDisk: true);
        _records.AddRange(records);
    }

    public void PruneBelow(ulong height)
    {
        if (_file.Length < PruneThresholdBytes) return;
        var kept = _records.Where(r => r.Height >= height).ToList();
        var temporary = _path + ".tmp";
        using (var fresh = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            Span<byte> header = stackalloc byte[FrameHeader];
            foreach (var record in kept)
            {
                var payload = record.Encode();
                BinaryPrimitives.WriteUInt32BigEndian(header, (uint)payload.Length);
                BinaryPrimitives.WriteUInt32BigEndian(header[4..], Crc32C.Compute(payload));
                fresh.Write(header);
                fresh.Write(payload);
            }
            fresh.Flush(flushToDisk: true);
        }
        _file.Dispose();
        File.Move(temporary, _path, overwrite: true);
        DirectorySync.Flush(_directory);
        _file = new FileStream(_path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        _file.Seek(0, SeekOrigin.End);
        _records = kept;
    }

    private List<WalRecord> Load(out long goodLength)
    {
        goodLength = 0;
        var records = new List<WalRecord>();
        if (!File.Exists(_path)) return records;
        var bytes = File.ReadAllBytes(_path);
        var at = 0;
        while (at + FrameHeader <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at));
            var crc = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at + 4));
            if (length > MaxRecordBytes || at + FrameHeader + (long)length > bytes.Length) break;
            var payload = bytes.AsSpan(at + FrameHeader, (int)length);
            if (Crc32C.Compute(payload) != crc) break;
            try
            {
                records.Add(WalRecord.Decode(payload));
            }
            catch (FormatException)
            {
                break;
            }
            at += FrameHeader + (int)length;
        }
        goodLength = at;
        return records;
    }

    public void Dispose() => _file.Dispose();
}
