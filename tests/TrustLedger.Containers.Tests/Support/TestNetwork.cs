using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Networks;

namespace TrustLedger.Containers.Tests.Support;

/// <summary>A Docker bridge network of its own for one test, where containers find each other by alias; removed on dispose.</summary>
public sealed class TestNetwork : IAsyncDisposable
{
    private TestNetwork(INetwork network) => Network = network;

    public INetwork Network { get; }

    public static async Task<TestNetwork> CreateAsync()
    {
        var network = new NetworkBuilder()
            .WithName($"tl-test-{Guid.NewGuid():N}"[..16])
            .WithLabel(NodeContainer.Label, "containers")
            .WithCleanUp(true)
            .Build();
        await network.CreateAsync();
        return new TestNetwork(network);
    }

    public async ValueTask DisposeAsync()
    {
        await Network.DeleteAsync();   // without Ryuk, disposing alone would leave it behind
        await Network.DisposeAsync();
    }
}
