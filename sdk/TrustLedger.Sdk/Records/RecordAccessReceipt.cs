using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Sdk.Records;

/// <summary>
/// The committed <c>data.record_access</c> receipt a served record was checked against: where it sits on the ledger,
/// its place in the grant's access log, and the two salted hashes it commits to.
/// </summary>
public sealed record RecordAccessReceipt(
    Hash32 TxId,
    ulong Height,
    DateTimeOffset BlockTime,
    string GrantId,
    ulong Sequence,
    Hash32 RecordKeyHash,
    Hash32 ContentHash,
    Address Requester);
