using System.Buffers.Binary;
using System.Globalization;

namespace TrustLedger.Node.Storage;

/// <summary>
/// On-disk layout of the block log. A segment file <c>blocks-NNNNNN.log</c> starts with a 16-byte header
/// ("TLBLKLOG", u32 format version, u32 segment number) followed by records. A record is a 20-byte header —
/// u32 magic "TLB1", u32 payload length, u64 height, u32 CRC-32C over (length, height, payload) — and the payload,
/// which is <c>Block.Encode()</c>. Integers are little-endian. Records never span segments.
/// </summary>
internal static class LogFormat
{
    public const int SegmentHeaderSize = 16;
    public const int RecordHeaderSize = 20;
    public const uint FormatVersion = 1;
    public const uint RecordMagic = 0x31424C54; // "TLB1" as bytes
    public const int MaxPayload = 1 << 30;

    public static ReadOnlySpan<byte> SegmentMagic => "TLBLKLOG"u8;
    public static ReadOnlySpan<byte> RecordMagicBytes => "TLB1"u8;

    public static string SegmentFileName(int number) => $"blocks-{number:D6}.log";

    public static bool TryParseSegmentNumber(string fileName, out int number)
    {
        number = 0;
        return fileName.Length == "blocks-000000.log".Length
            && fileName.StartsWith("blocks-", StringComparison.Ordinal)
            && fileName.EndsWith(".log", StringComparison.Ordinal)
            && int.TryParse(fileName.AsSpan(7, 6), NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && number > 0;
    }

    public static byte[] SegmentHeader(int number)
    {
        var header = new byte[SegmentHeaderSize];
        SegmentMagic.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), FormatVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(12), (uint)number);
        return header;
    }

    /// <summary>Why <paramref name="header"/> is not segment <paramref name="number"/>'s header, or null when it is.</summary>
    public static string? CheckSegmentHeader(ReadOnlySpan<byte> header, int number)
    {
        if (!header[..8].SequenceEqual(SegmentMagic)) return "not a TrustLedger block log segment (bad file magic)";
        var version = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        if (version != FormatVersion) return $"unsupported block log format version {version}";
        var stored = BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
        return stored == (uint)number ? null : $"file header says segment {stored}, the file name says {number}";
    }

    /// <summary>The 20-byte record header for <paramref name="payload"/> at <paramref name="height"/>.</summary>
    public static byte[] RecordHeader(ulong height, ReadOnlySpan<byte> payload)
    {
        var header = new byte[RecordHeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(header, RecordMagic);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)payload.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(8), height);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), Checksum(header, payload));
        return header;
    }

    public static uint Magic(ReadOnlySpan<byte> header) => BinaryPrimitives.ReadUInt32LittleEndian(header);
    public static uint PayloadLength(ReadOnlySpan<byte> header) => BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
    public static ulong Height(ReadOnlySpan<byte> header) => BinaryPrimitives.ReadUInt64LittleEndian(header[8..]);

    /// <summary>
    /// Why a record header alone is unusable when <paramref name="available"/> bytes remain from its start, or null.
    /// Checked before the payload is read so a corrupt length never drives a huge read.
    /// </summary>
    public static string? CheckRecordHeader(ReadOnlySpan<byte> header, long available)
    {
        if (available < RecordHeaderSize) return $"partial record header ({available} of {RecordHeaderSize} bytes)";
        if (Magic(header) != RecordMagic) return "bad record magic";
        var length = PayloadLength(header);
        if (length > MaxPayload) return $"record length {length} is over the {MaxPayload}-byte limit";
        return RecordHeaderSize + (long)length > available
            ? $"record of {length} bytes runs past the end of the file ({available - RecordHeaderSize} bytes left)"
            : null;
    }

    /// <summary>Why a whole record (header checked by <see cref="CheckRecordHeader"/>) is damaged, or null.</summary>
    public static string? CheckRecordBody(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload)
    {
        var stored = BinaryPrimitives.ReadUInt32LittleEndian(header[16..]);
        var actual = Checksum(header, payload);
        return stored == actual ? null : $"checksum mismatch (stored {stored:x8}, computed {actual:x8})";
    }

    private static uint Checksum(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload) =>
        ~Crc32C.Append(Crc32C.Append(~0u, header[4..16]), payload);
}
