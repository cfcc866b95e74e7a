namespace TrustLedger.Node.Storage.Tests;

/// <summary>
/// Same suite with 1-byte transaction keys in the index (256 keys for hundreds of ids), so the rare path where
/// an id's key is taken by another id runs on every append.
/// </summary>
public sealed class FileBlockStoreCollidingKeysConformanceTests : FileBlockStoreConformanceTests
{
    protected override FileBlockStoreOptions Options => new() { TxKeyBytes = 1 };
}
