using TrustLedger.Node.Core.Storage;

namespace TrustLedger.Node.Storage.Tests;

public sealed class InMemoryBlockStoreConformanceTests : BlockStoreConformanceTests
{
    protected override IBlockStore CreateStore() => new InMemoryBlockStore();
}
