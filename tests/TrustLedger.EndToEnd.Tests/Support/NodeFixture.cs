using TrustLedger.Protocol.Crypto.KeyFiles;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Sdk;
using Xunit;

namespace TrustLedger.EndToEnd.Tests.Support;

/// <summary>One dev node process shared by a test class, with a client signing as the dev client key.</summary>
public sealed class NodeFixture : IAsyncLifetime
{
    public NodeProcess Node { get; private set; } = null!;
    public TrustLedgerClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Node = await NodeProcess.StartNew();
        Client = await TrustLedgerClient.ConnectAsync(Node.Endpoint, KeyFile.Load(Node.ClientKeyPath, NodeProcess.Password));
    }

    /// <summary>Calls on <paramref name="channel"/> that identify as the dev client key (the dev organisation holds every role).</summary>
    public Grpc.Core.CallInvoker AsDevClient(Grpc.Net.Client.GrpcChannel channel) =>
        Grpc.Core.Interceptors.CallInvokerExtensions.Intercept(channel.CreateCallInvoker(),
            new Proto.Access.CallerCredentialInterceptor(Client.Suite, Client.Signer!, Client.ChainId, Client.Node.NodeAddress));

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Node.DisposeAsync();
    }
}
