using TrustLedger.Node.Core.Storage;
using TrustLedger.Protocol.Crypto;

namespace TrustLedger.Node.Storage.Tests;

public class FileBlockStoreConformanceTests : BlockStoreConformanceTests
{
    private readonly List<TempDirectory> _directories = [];

    protected virtual FileBlockStoreOptions Options => new();

    protected override IBlockStore CreateStore()
    {
        var directory = new TempDirectory();
        _directories.Add(directory);
        return FileBlockStore.Open(directory.Path, CryptoSuites.Eth, Options);
    }

    public override void Dispose()
    {
        base.Dispose();
        foreach (var directory in _directories) directory.Dispose();
    }
}
