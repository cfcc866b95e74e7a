using System.Runtime.CompilerServices;

namespace TrustLedger.Sdk.Records;

/// <summary>
/// Records as files: <c>{root}/{dataset id}/{record key}.json</c> (key → name as in <see cref="FolderFileNames"/>), so an
/// operator can drop a JSON file in a folder to make it servable. Writes go to a temporary file that is then
/// renamed over the record, so a reader never sees half a record. For tests, demos and small owners.
/// </summary>
public sealed class FolderRecordStore : IRecordStore
{
    /// <summary>Largest record file read (16 MiB, the envelope limit).</summary>
    public const int MaxRecordBytes = 16 * 1024 * 1024;

    public FolderRecordStore(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>The file a record lives in (whether or not it exists).</summary>
    public string PathOf(string datasetId, string recordKey)
    {
        RecordAddress.Check(datasetId, recordKey);
        return Path.Combine(Root, datasetId, FolderFileNames.Encode(recordKey));
    }

    public async ValueTask<byte[]?> GetAsync(string datasetId, string recordKey, CancellationToken cancellation = default)
    {
        var path = PathOf(datasetId, recordKey);
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 4096, useAsync: true);
            if (file.Length > MaxRecordBytes) throw new InvalidDataException($"record file {path} is larger than {MaxRecordBytes} bytes");
            var bytes = new byte[file.Length];
            await file.ReadExactlyAsync(bytes, cancellation);
            return bytes;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public async ValueTask PutAsync(string datasetId, string recordKey, ReadOnlyMemory<byte> recordJson, CancellationToken cancellation = default)
    {
        var path = PathOf(datasetId, recordKey);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await file.WriteAsync(recordJson, cancellation);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public ValueTask<bool> DeleteAsync(string datasetId, string recordKey, CancellationToken cancellation = default)
    {
        var path = PathOf(datasetId, recordKey);
        if (!File.Exists(path)) return ValueTask.FromResult(false);
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            return ValueTask.FromResult(false);
        }
        return ValueTask.FromResult(true);
    }

    public async IAsyncEnumerable<string> ListKeysAsync(string datasetId, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        RecordAddress.CheckDataset(datasetId);
        var folder = Path.Combine(Root, datasetId);
        if (!Directory.Exists(folder)) yield break;
        var keys = Directory.EnumerateFiles(folder, "*" + FolderFileNames.Extension)
            .Select(f => FolderFileNames.Decode(Path.GetFileName(f)))
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToArray();
        foreach (var key in keys)
        {
            cancellation.ThrowIfCancellationRequested();
            yield return key;
        }
        await Task.CompletedTask;
    }
}
