using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace TrustLedger.Node.Storage.Records;

/// <summary>A record store in memory, for unit tests and as the reference the store conformance suite checks against.</summary>
public sealed class InMemoryRecordStore : IRecordStore
{
    private readonly ConcurrentDictionary<(string Dataset, string Key), byte[]> _records = new();

    public ValueTask<byte[]?> GetAsync(string datasetId, string recordKey, CancellationToken cancellation = default)
    {
        RecordAddress.Check(datasetId, recordKey);
        return ValueTask.FromResult(_records.TryGetValue((datasetId, recordKey), out var json) ? json.ToArray() : null);
    }

    public ValueTask PutAsync(string datasetId, string recordKey, ReadOnlyMemory<byte> recordJson, CancellationToken cancellation = default)
    {
        RecordAddress.Check(datasetId, recordKey);
        _records[(datasetId, recordKey)] = recordJson.ToArray();
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> DeleteAsync(string datasetId, string recordKey, CancellationToken cancellation = default)
    {
        RecordAddress.Check(datasetId, recordKey);
        return ValueTask.FromResult(_records.TryRemove((datasetId, recordKey), out _));
    }

    public async IAsyncEnumerable<string> ListKeysAsync(string datasetId, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        RecordAddress.CheckDataset(datasetId);
        var keys = _records.Keys.Where(k => k.Dataset == datasetId).Select(k => k.Key).Order(StringComparer.Ordinal).ToArray();
        foreach (var key in keys)
        {
            cancellation.ThrowIfCancellationRequested();
            yield return key;
        }
        await Task.CompletedTask;
    }
}
