namespace TrustLedger.Node.Storage.Records;

/// <summary>
/// Where an owner organisation's node reads the records it serves under grants — the port a department
/// implements to plug in its own store (a database view, a document archive, an existing registry).
/// A record is one JSON object, addressed by dataset id (64 lower-case hex digits, the ledger's id of the
/// dataset) and the owner's record key (1–256 UTF-8 bytes, see <see cref="TrustLedger.Protocol.Records.RecordIds"/>).
/// The node narrows each record to the grant's fields before it encrypts it, so a provider returns whole records.
/// Implementations must be thread-safe: the node serves requests concurrently.
/// </summary>
public interface IRecordProvider
{
    /// <summary>The record's UTF-8 JSON, or null when the dataset has no record with this key.</summary>
    ValueTask<byte[]?> GetAsync(string datasetId, string recordKey, CancellationToken cancellation = default);

    /// <summary>
    /// Removes the record for good (a purge calls it after committing the purge receipt). True when a record was
    /// removed, false when there was none. Must not fail for an absent record: a purge is retried until it succeeds.
    /// </summary>
    ValueTask<bool> DeleteAsync(string datasetId, string recordKey, CancellationToken cancellation = default);

    /// <summary>The record keys of a dataset in ordinal order (for operators and demos; the node never lists).</summary>
    IAsyncEnumerable<string> ListKeysAsync(string datasetId, CancellationToken cancellation = default);
}
