using Microsoft.Extensions.Logging;

namespace TrustLedger.Node.Storage.Records;

public sealed partial class FolderRecordStore
{
    /// <summary>
    /// Encrypts every plaintext record of the earlier layout (<c>{root}/{dataset id}/{record key}.json</c>, the
    /// operator's drop folder): each is written encrypted (fsynced, folder fsynced) and only then is the plaintext file
    /// deleted, so a crash at any point loses nothing (a rerun finishes the job). Foreign files are left alone.
    /// Logs progress (never a key) and returns how many records were encrypted.
    /// </summary>
    public int ImportPlaintext(ILogger logger)
    {
        var found = Directory.EnumerateDirectories(Root)
            .Where(d => TrustLedger.Protocol.Records.RecordIds.IsCanonicalId(Path.GetFileName(d)))
            .SelectMany(d => Directory.EnumerateFiles(d, "*" + FolderFileNames.Extension)
                .Select(f => (Dataset: Path.GetFileName(d), Key: FolderFileNames.Decode(Path.GetFileName(f)))))
            .Where(r => r.Key is not null)
            .ToArray();
        if (found.Length == 0) return 0;
        logger.LogWarning("Found {Count} plaintext record files in {Root}; encrypting them under the record data key and deleting the plaintext", found.Length, Root);
        var done = 0;
        foreach (var (dataset, key) in found)
        {
            ImportOneAsync(dataset, key!, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            if (++done % 1000 == 0) logger.LogInformation("Encrypted {Done} of {Count} plaintext records", done, found.Length);
        }
        logger.LogInformation("Encrypted {Count} plaintext records in {Root}; no plaintext record file remains", done, Root);
        return done;
    }

    /// <summary>The plaintext file of the earlier layout for this record, or null when the key has no such name.</summary>
    private string? LegacyPathOf(string datasetId, string recordKey)
    {
        try
        {
            return Path.Combine(Root, datasetId, FolderFileNames.Encode(recordKey));
        }
        catch (ArgumentException)
        {
            return null; // too long for a file name: it never had one
        }
    }

    /// <summary>Encrypts one plaintext record of the earlier layout, if there is one, and returns it.</summary>
    private async ValueTask<byte[]?> ImportOneAsync(string datasetId, string recordKey, CancellationToken cancellation)
    {
        if (LegacyPathOf(datasetId, recordKey) is not { } legacy || await ReadAsync(legacy, cancellation) is not { } json) return null;
        if (json.Length > MaxRecordBytes) throw new InvalidDataException($"record file {legacy} is larger than {MaxRecordBytes} bytes");
        await WriteAsync(PathOf(datasetId, recordKey), _cipher.Seal(datasetId, recordKey, json), cancellation);
        File.Delete(legacy);
        DirectorySync.Flush(Path.GetDirectoryName(legacy)!);
        return json;
    }
}
