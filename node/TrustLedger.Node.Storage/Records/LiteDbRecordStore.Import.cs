using LiteDB;
using Microsoft.Extensions.Logging;

namespace TrustLedger.Node.Storage.Records;

public sealed partial class LiteDbRecordStore
{
    /// <summary>
    /// Encrypts every plaintext record of the earlier format (documents <c>{dataset id}/{record key}</c> with fields
    /// <c>key</c> and <c>json</c>): each is stored encrypted, then the plaintext document is deleted; finally the file
    /// is rebuilt so freed pages no longer hold plaintext, and LiteDB's backup copy of the old file is deleted.
    /// Logs progress (never a key) and returns how many records were encrypted.
    /// </summary>
    public int ImportPlaintext(ILogger logger)
    {
        var legacy = _records.Find(Query.Not("json", BsonValue.Null)).Where(d => d.ContainsKey("json")).ToArray();
        if (legacy.Length == 0) return 0;
        logger.LogWarning("Found {Count} plaintext records in {Path}; encrypting them under the record data key and deleting the plaintext", legacy.Length, Path);
        var done = 0;
        foreach (var document in legacy)
        {
            var (dataset, key, json) = (document["dataset"].AsString, document["key"].AsString, document["json"].AsBinary);
            PutAsync(dataset, key, json).AsTask().GetAwaiter().GetResult();
            _records.Delete(document["_id"]);
            if (++done % 1000 == 0) logger.LogInformation("Encrypted {Done} of {Count} plaintext records", done, legacy.Length);
        }
        _db.Checkpoint();
        _db.Rebuild();
        var backup = System.IO.Path.ChangeExtension(Path, null) + "-backup" + System.IO.Path.GetExtension(Path);
        if (File.Exists(backup)) File.Delete(backup);
        RestrictFiles();
        logger.LogInformation("Encrypted {Count} plaintext records in {Path} and rebuilt the file; no plaintext record remains", done, Path);
        return done;
    }
}
