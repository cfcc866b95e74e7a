using System.Runtime.CompilerServices;
using LiteDB;

namespace TrustLedger.Node.Storage.Records;

/// <summary>
/// Records in one embedded LiteDB file, encrypted like the folder store's: collection <c>records</c>, document id
/// <c>{dataset id}/{name}</c> (the record's HMAC name), fields <c>dataset</c> (indexed) and <c>sealed</c> (the record as
/// sealed by <see cref="RecordCipher"/>). The file is 0600. No server to run; for tests, demos and small owners.
/// LiteDB 5 does not fsync each write; that is acceptable here because a record only needs to be readable when
/// served, and the ledger — not this file — is the evidence of what was served.
/// </summary>
public sealed partial class LiteDbRecordStore : IRecordStore, IDisposable
{
    private const string Collection = "records";
    private readonly LiteDatabase _db;
    private readonly ILiteCollection<BsonDocument> _records;
    private readonly RecordCipher _cipher;

    public LiteDbRecordStore(string path, RecordCipher cipher)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(cipher);
        _cipher = cipher;
        Path = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(Path) is { } folder) Directory.CreateDirectory(folder);
        if (!File.Exists(Path)) new FileStream(Path, PrivateFiles.NewFile()).Dispose(); // LiteDB takes an empty file as new
        _db = new LiteDatabase(new ConnectionString { Filename = Path, Connection = ConnectionType.Direct });
        _records = _db.GetCollection(Collection);
        _records.EnsureIndex("dataset");
        RestrictFiles();
    }

    public string Path { get; }

    /// <summary>The record, or null; throws <see cref="RecordAtRestException"/> when the stored record does not open.</summary>
    public ValueTask<byte[]?> GetAsync(string datasetId, string recordKey, CancellationToken cancellation = default)
    {
        RecordAddress.Check(datasetId, recordKey);
        var document = _records.FindById(Id(datasetId, _cipher.NameOf(datasetId, recordKey)));
        return ValueTask.FromResult(document is null ? null : _cipher.Open(datasetId, recordKey, document["sealed"].AsBinary));
    }

    public ValueTask PutAsync(string datasetId, string recordKey, ReadOnlyMemory<byte> recordJson, CancellationToken cancellation = default)
    {
        RecordAddress.Check(datasetId, recordKey);
        _records.Upsert(new BsonDocument
        {
            ["_id"] = Id(datasetId, _cipher.NameOf(datasetId, recordKey)),
            ["dataset"] = datasetId,
            ["sealed"] = _cipher.Seal(datasetId, recordKey, recordJson.Span),
        });
        RestrictFiles();
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> DeleteAsync(string datasetId, string recordKey, CancellationToken cancellation = default)
    {
        RecordAddress.Check(datasetId, recordKey);
        var deleted = _records.Delete(Id(datasetId, _cipher.NameOf(datasetId, recordKey)));
        if (deleted) _db.Checkpoint(); // move the deletion out of the log file into the data file now
        return ValueTask.FromResult(deleted);
    }

    public async IAsyncEnumerable<string> ListKeysAsync(string datasetId, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        RecordAddress.CheckDataset(datasetId);
        var keys = _records.Find(Query.EQ("dataset", datasetId))
            .Where(d => d.ContainsKey("sealed"))
            .Select(d => _cipher.OpenNamed(datasetId, d["_id"].AsString[(datasetId.Length + 1)..], d["sealed"].AsBinary).RecordKey)
            .Order(StringComparer.Ordinal)
            .ToArray();
        foreach (var key in keys)
        {
            cancellation.ThrowIfCancellationRequested();
            yield return key;
        }
        await Task.CompletedTask;
    }

    private static BsonValue Id(string datasetId, string name) => datasetId + "/" + name;

    /// <summary>The data file and LiteDB's log file (created and deleted as it checkpoints) are 0600.</summary>
    private void RestrictFiles()
    {
        PrivateFiles.Restrict(Path);
        PrivateFiles.Restrict(LogPath);
    }

    private string LogPath => System.IO.Path.ChangeExtension(Path, null) + "-log" + System.IO.Path.GetExtension(Path);

    public void Dispose() => _db.Dispose();
}
