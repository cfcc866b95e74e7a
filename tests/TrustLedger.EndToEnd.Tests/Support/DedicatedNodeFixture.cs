using TrustLedger.Protocol.Crypto.KeyFiles;
using TrustLedger.Sdk;
using Xunit;

namespace TrustLedger.EndToEnd.Tests.Support;

/// <summary>
/// A dev node for one test class of the domain collection, besides the collection's shared node: for tests that change
/// what every later test would see (the number of admins) or need another crypto suite. Its own type, so xUnit never
/// confuses it with the collection's <see cref="NodeFixture"/>.
/// </summary>
public abstract class DedicatedNodeFixture(string suite) : IAsyncLifetime
{
    public NodeProcess Node { get; private set; } = null!;
    public TrustLedgerClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Node = await NodeProcess.StartNew(suite: suite);
        Client = await TrustLedgerClient.ConnectAsync(Node.Endpoint, KeyFile.Load(Node.ClientKeyPath, NodeProcess.Password));
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Node.DisposeAsync();
    }
}
