namespace TrustLedger.Node.Storage;

/// <summary>Where a block's record starts in the log and how long its payload is (the record is 20 bytes longer).</summary>
internal readonly record struct BlockLocation(int Segment, long Offset, int Length)
{
    /// <summary>Offset just past this record in its segment.</summary>
    public long End => Offset + LogFormat.RecordHeaderSize + Length;
}
