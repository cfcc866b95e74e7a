using System.Runtime.CompilerServices;

namespace TrustLedger.Node.Storage.Records;

/// <summary>
/// Records as encrypted files: <c>{root}/{dataset id}/{name}.rec</c>, where the name is the record's HMAC name and the
/// content the record sealed by <see cref="RecordCipher"/>, so neither names nor contents reveal a record key or a record.
/// Folders are 0700, files 0600. Writes go to a temporary file that is fsynced and then renamed over the record, so a
/// reader never sees half a record. Plaintext JSON files of the earlier layout (<c>{record key}.json</c>, see
/// <see cref="FolderFileNames"/>) are encrypted by <see cref="ImportPlaintext"/>, or on first read. For tests, demos and small owners.
/// </summary>
public sealed partial class FolderRecordStore : IRecordStore
{
    /// <summary>Largest record file read (16 MiB, the envelope limit).</summary>
    public const int MaxRecordBytes = 16 * 1024 * 1024;

    /// <summary>Extension of an encrypted record file.</summary>
    public const string Extension = ".rec";

    private readonly RecordCipher _cipher;

    public FolderRecordStore(string root, RecordCipher cipher)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentNullException.ThrowIfNull(cipher);
        Root = Path.GetFullPath(root);
        _cipher = cipher;
        PrivateFiles.EnsureFolder(Root);
    }

    public string Root { get; }

    /// <summary>The file a record lives in (whether or not it exists).</summary>
    public string PathOf(string datasetId, string recordKey)
    {
        RecordAddress.Check(datasetId, recordKey);
        return Path.Combine(Root, datasetId, _cipher.NameOf(datasetId, recordKey) + Extension);
    }

    /// <summary>The record, or null; throws <see cref="RecordAtRestException"/> when the stored file does not open.</summary>
    public async ValueTask<byte[]?> GetAsync(string datasetId, string recordKey, CancellationToken cancellation = default)
    {
        var path = PathOf(datasetId, recordKey);
        var stored = await ReadAsync(path, cancellation);
        if (stored is null) return await ImportOneAsync(datasetId, recordKey, cancellation);
        return _cipher.Open(datasetId, recordKey, stored);
    }

    public async ValueTask PutAsync(string datasetId, string recordKey, ReadOnlyMemory<byte> recordJson, CancellationToken cancellation = default)
    {
        var path = PathOf(datasetId, recordKey);
        await WriteAsync(path, _cipher.Seal(datasetId, recordKey, recordJson.Span), cancellation);
    }

    /// <summary>Deletes the encrypted record and any plaintext copy of the earlier layout.</summary>
    public ValueTask<bool> DeleteAsync(string datasetId, string recordKey, CancellationToken cancellation = default)
    {
        var deleted = Delete(PathOf(datasetId, recordKey));
        deleted |= LegacyPathOf(datasetId, recordKey) is { } legacy && Delete(legacy);
        return ValueTask.FromResult(deleted);
    }

    public async IAsyncEnumerable<string> ListKeysAsync(string datasetId, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        RecordAddress.CheckDataset(datasetId);
        var folder = Path.Combine(Root, datasetId);
        if (!Directory.Exists(folder)) yield break;
        var keys = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*" + Extension))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (!RecordCipher.IsName(name) || await ReadAsync(file, cancellation) is not { } stored) continue;
            keys.Add(_cipher.OpenNamed(datasetId, name, stored).RecordKey);
        }
        keys.Sort(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            cancellation.ThrowIfCancellationRequested();
            yield return key;
        }
    }

    private static async Task<byte[]?> ReadAsync(string path, CancellationToken cancellation)
    {
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 4096, useAsync: true);
            if (file.Length > MaxRecordBytes + RecordCipher.Overhead + 300) throw new InvalidDataException($"record file {path} is larger than {MaxRecordBytes} bytes");
            var bytes = new byte[file.Length];
            await file.ReadExactlyAsync(bytes, cancellation);
            return bytes;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Temporary file (0600) → fsync → rename over the record → fsync the folder.</summary>
    private static async Task WriteAsync(string path, byte[] content, CancellationToken cancellation)
    {
        var folder = Path.GetDirectoryName(path)!;
        PrivateFiles.EnsureFolder(folder);
        var temporary = path + ".tmp-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));
        try
        {
            await using (var file = new FileStream(temporary, PrivateFiles.NewFile()))
            {
                await file.WriteAsync(content, cancellation);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
            DirectorySync.Flush(folder);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static bool Delete(string path)
    {
        if (!File.Exists(path)) return false;
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
        return true;
    }
}
