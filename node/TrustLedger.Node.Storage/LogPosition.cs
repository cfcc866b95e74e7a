namespace TrustLedger.Node.Storage;

/// <summary>A byte position in the block log: segment number and offset within that segment's file.</summary>
internal readonly record struct LogPosition(int Segment, long Offset);
