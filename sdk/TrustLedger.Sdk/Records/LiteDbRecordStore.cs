using System.Runtime.CompilerServices;
using LiteDB;

namespace TrustLedger.Sdk.Records;

/// <summary>
/// Records in one embedded LiteDB file: collection <c>records</c>, document id <c>{dataset id}/{record key}</c>, fields
/// <c>dataset</c> (indexed), <c>key</c> and <c>json</c> (the bytes as given). No server to run; for tests, demos and
/// small owners. LiteDB 5 does not fsync each write; that is acceptable here because a record only needs to be
/// readable when served, and the ledger — not this file — is the evidence of what was served.
/// </summary>
public sealed class LiteDbRecordStore : IRecordStore, IDisposable
{
    private const string Collection = "records";
    private readonly LiteDatabase _db;
    private readonly ILiteCollection<BsonDocument> _records;

    public LiteDbRecordStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(Path) is { } folder) Directory.CreateDirectory(folder);
        _db = new LiteDatabase(new ConnectionString { Filename = Path, Connection = ConnectionType.Direct });
        _records = _db.GetCollection(Collection);
        _records.EnsureIndex("dataset");
    }

    public string Path { get; }

    public ValueTask<byte[]?> GetAsync(string datasetId, string recordKey, CancellationToken cancellation = default)
    {
        RecordAddress.Check(datasetId, recordKey);
        var document = _records.FindById(Id(datasetId, recordKey));
        return ValueTask.FromResult(document?["json"].AsBinary);
    }

    public ValueTask PutAsync(string datasetId, string recordKey, ReadOnlyMemory<byte> recordJson, CancellationToken cancellation = default)
    {
        RecordAddress.Check(datasetId, recordKey);
        _records.Upsert(new BsonDocument
        {
            ["_id"] = Id(datasetId, recordKey),
            ["dataset"] = datasetId,
            ["key"] = recordKey,
            ["json"] = recordJson.ToArray(),
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> DeleteAsync(string datasetId, string recordKey, CancellationToken cancellation = default)
    {
        RecordAddress.Check(datasetId, recordKey);
        var deleted = _records.Delete(Id(datasetId, recordKey));
        if (deleted) _db.Checkpoint(); // move the deletion out of the log file into the data file now
        return ValueTask.FromResult(deleted);
    }

    public async IAsyncEnumerable<string> ListKeysAsync(string datasetId, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        RecordAddress.CheckDataset(datasetId);
        var keys = _records.Find(Query.EQ("dataset", datasetId)).Select(d => d["key"].AsString).Order(StringComparer.Ordinal).ToArray();
        foreach (var key in keys)
        {
            cancellation.ThrowIfCancellationRequested();
            yield return key;
        }
        await Task.CompletedTask;
    }

    private static BsonValue Id(string datasetId, string recordKey) => datasetId + "/" + recordKey;

    public void Dispose() => _db.Dispose();
}
