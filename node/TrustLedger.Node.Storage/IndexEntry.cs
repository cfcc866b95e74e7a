namespace TrustLedger.Node.Storage;

/// <summary>What the index knows of a block: its place in the log and its encoded header.</summary>
internal readonly record struct IndexEntry(BlockLocation Location, byte[] HeaderBytes);
