using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Merkle;

/// <summary>
/// An append-only list of hashes for one writer and any number of readers. Storage is a directory of fixed-size
/// segments that are never moved or rewritten once filled, so a reader never observes a torn or relocated slot.
/// Readers must only ask for indices whose writes were published to them by some other release/acquire pair
/// (here: <see cref="MerkleLog"/>'s volatile size).
/// </summary>
internal sealed class AppendOnlyHashList
{
    private const int SegmentBits = 14;                  // 16,384 hashes = 512 KiB per segment
    private const int SegmentSize = 1 << SegmentBits;
    private const long SegmentMask = SegmentSize - 1;
    private const int FirstSegmentSize = 16;             // small logs and the sparse upper levels stay small

    // Replaced (never mutated in place) when a segment is added or segment 0 grows, then published volatilely.
    private Hash32[][] _segments = [new Hash32[FirstSegmentSize]];
    private long _count;

    /// <summary>Entries appended so far. Writer-side only; readers bound their reads by the owner's published size.</summary>
    public long Count => _count;

    public Hash32 this[long index]
    {
        get
        {
            var segments = Volatile.Read(ref _segments);
            return segments[index >> SegmentBits][index & SegmentMask];
        }
    }

    public void Add(in Hash32 value)
    {
        long index = _count;
        int segment = (int)(index >> SegmentBits);
        int offset = (int)(index & SegmentMask);
        var segments = _segments;

        if (segment == segments.Length)
        {
            var grown = new Hash32[segments.Length + 1][];
            Array.Copy(segments, grown, segments.Length);
            grown[segment] = new Hash32[SegmentSize];
            Volatile.Write(ref _segments, grown);
            segments = grown;
        }
        else if (offset == segments[segment].Length)
        {
            // Only segment 0 starts short. The old array is full and stays valid for readers that still hold it.
            var bigger = new Hash32[Math.Min(SegmentSize, offset * 2)];
            Array.Copy(segments[segment], bigger, offset);
            var replaced = (Hash32[][])segments.Clone();
            replaced[segment] = bigger;
            Volatile.Write(ref _segments, replaced);
            segments = replaced;
        }

        segments[segment][offset] = value;
        _count = index + 1;
    }
}
