using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;
using TrustLedger.Node.Grains.Watch;
using TrustLedger.Node.Hosting.Watch;
using Xunit;

namespace TrustLedger.Node.Tests.Support;

/// <summary>
/// An in-process Orleans silo hosting the live-view grains over a <see cref="TestLedger"/>, with the node's
/// dispatcher carrying each committed block to them. <see cref="Clock"/> times subscriptions out.
/// </summary>
public sealed class LiveViewCluster : IAsyncLifetime
{
    public static readonly LiveViewOptions Options = new() { ObserverExpiry = TimeSpan.FromMinutes(2), WatcherBuffer = 2 };

    private WatchDispatcher? _dispatcher;

    public TestLedger Ledger { get; } = new();
    public ManualTime Clock { get; } = new(TestLedger.Start);
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddSingleton<ICommittedStateReader>(new LedgerStateReader(Ledger.Ledger, Ledger.Feed));
            host.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Options));
            host.Services.AddKeyedSingleton<TimeProvider>(LiveViewOptions.ClockKey, Clock);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        _dispatcher = new WatchDispatcher(Ledger.Feed, Client, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<WatchDispatcher>.Instance);
        await _dispatcher.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_dispatcher is not null) await _dispatcher.StopAsync(CancellationToken.None);
        await Cluster.DisposeAsync();
    }
}
