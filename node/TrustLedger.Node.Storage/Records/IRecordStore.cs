namespace TrustLedger.Node.Storage.Records;

/// <summary>A record provider that can also be written to: the shipped stores, for tests, demos and small owners.</summary>
public interface IRecordStore : IRecordProvider
{
    /// <summary>Adds or replaces a record. The bytes are stored as given; the node checks they are a JSON object when it serves them.</summary>
    ValueTask PutAsync(string datasetId, string recordKey, ReadOnlyMemory<byte> recordJson, CancellationToken cancellation = default);
}
