namespace TrustLedger.Node.Storage.Records;

/// <summary>
/// A stored record that does not open under this node's data key: its bytes were altered, it was moved from another
/// record's file (another key, dataset or chain), or it was written under another data key. Never names the record key.
/// </summary>
public sealed class RecordAtRestException(string message) : Exception(message);
