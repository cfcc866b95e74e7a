namespace TrustLedger.Node.Storage;

/// <summary>Progress of re-indexing the log on open: blocks indexed so far, the last height indexed, bytes of log read of the total to read.</summary>
public readonly record struct RecoveryProgress(ulong BlocksIndexed, ulong Height, long BytesRead, long BytesTotal);
