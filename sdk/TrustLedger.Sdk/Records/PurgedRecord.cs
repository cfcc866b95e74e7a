using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Sdk.Records;

/// <summary>The outcome of a purge: the committed purge receipt, and whether this call removed a stored copy.</summary>
public sealed record PurgedRecord(Hash32 TxId, ulong Height, bool Deleted, bool AlreadyPurged);
