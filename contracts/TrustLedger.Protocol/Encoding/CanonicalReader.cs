using System.Buffers.Binary;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Encoding;

/// <summary>Reads what <see cref="CanonicalWriter"/> wrote; throws <see cref="FormatException"/> on truncated or oversized input.</summary>
public ref struct CanonicalReader
{
    // Strict decoding: a lenient decoder maps many invalid byte sequences to U+FFFD, giving one string several
    // encodings, so decode-then-encode would not reproduce the bytes that were signed or hashed.
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public CanonicalReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly int Remaining => _data.Length - _position;
    public readonly bool AtEnd => _position == _data.Length;

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > Remaining)
            throw new FormatException($"truncated input: needed {count} bytes at offset {_position}, {Remaining} left");
        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }

    public byte U8() => Take(1)[0];
    public uint U32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));
    public ulong U64() => BinaryPrimitives.ReadUInt64BigEndian(Take(8));
    public long I64() => BinaryPrimitives.ReadInt64BigEndian(Take(8));
    public ReadOnlySpan<byte> Raw(int count) => Take(count);
    public byte[] Bytes() => Take(checked((int)LengthPrefix())).ToArray();
    public string String()
    {
        var bytes = Take(checked((int)LengthPrefix()));
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new FormatException($"invalid UTF-8 in a string ending at offset {_position}");
        }
    }
    public Hash32 Hash() => new(Take(Hash32.Length));
    public Address Address() => new(Take(Primitives.Address.Length));

    /// <summary>Reads a u32 count and checks it against what is left, so a corrupt prefix cannot allocate gigabytes.</summary>
    public uint Count(int minBytesPerItem = 1)
    {
        var count = U32();
        if ((ulong)count * (ulong)Math.Max(1, minBytesPerItem) > (ulong)Remaining)
            throw new FormatException($"count {count} exceeds remaining input");
        return count;
    }

    private uint LengthPrefix()
    {
        var length = U32();
        if (length > Remaining)
            throw new FormatException($"length {length} exceeds remaining input {Remaining}");
        return length;
    }

    public readonly void ExpectEnd()
    {
        if (!AtEnd) throw new FormatException($"{Remaining} unexpected trailing bytes");
    }
}
