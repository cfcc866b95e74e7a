namespace TrustLedger.Node.Storage.Tests;

/// <summary>Same suite with 2 KiB segments and a 4-entry recent cache: rolling and index lookups on every path.</summary>
public sealed class FileBlockStoreSmallSegmentsConformanceTests : FileBlockStoreConformanceTests
{
    protected override FileBlockStoreOptions Options => new() { SegmentSize = 2048, RecentBlocks = 4 };
}
