using TrustLedger.Protocol.Crypto.KeyFiles;
using TrustLedger.Sdk;
using Xunit;

namespace TrustLedger.EndToEnd.Tests.Support;

/// <summary>A dev node on the <c>sm</c> suite (SM2 + SM3, 国密), with a client signing as the dev client key.</summary>
public sealed class SmNodeFixture : IAsyncLifetime
{
    public NodeProcess Node { get; private set; } = null!;
    public TrustLedgerClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Node = await NodeProcess.StartNew(suite: "sm");
        Client = await TrustLedgerClient.ConnectAsync(Node.Endpoint, KeyFile.Load(Node.ClientKeyPath, NodeProcess.Password));
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Node.DisposeAsync();
    }
}
