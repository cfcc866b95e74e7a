using TrustLedger.Protocol.Records;

namespace TrustLedger.Node.Storage.Records;

/// <summary>Argument checks shared by the shipped stores, so every store refuses the same inputs the same way.</summary>
internal static class RecordAddress
{
    public static void Check(string datasetId, string recordKey)
    {
        if (!RecordIds.IsCanonicalId(datasetId))
            throw new ArgumentException("a dataset id is 64 lower-case hex digits", nameof(datasetId));
        if (RecordIds.CheckRecordKey(recordKey) is { } bad) throw new ArgumentException(bad, nameof(recordKey));
    }

    public static void CheckDataset(string datasetId)
    {
        if (!RecordIds.IsCanonicalId(datasetId))
            throw new ArgumentException("a dataset id is 64 lower-case hex digits", nameof(datasetId));
    }
}
