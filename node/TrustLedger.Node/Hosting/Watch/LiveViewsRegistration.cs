using Microsoft.Extensions.DependencyInjection.Extensions;
using TrustLedger.Node.Grains.Watch;

namespace TrustLedger.Node.Hosting.Watch;

/// <summary>Wires live views into the node host.</summary>
public static class LiveViewsRegistration
{
    /// <summary>Registers the committed-state reader, the dispatcher, the subscription clock and <see cref="LiveViewOptions"/> (section <c>Watch</c>).</summary>
    public static IServiceCollection AddLiveViews(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LiveViewOptions>(configuration.GetSection(LiveViewOptions.Section));
        services.TryAddKeyedSingleton(LiveViewOptions.ClockKey, TimeProvider.System);
        services.AddSingleton<ICommittedStateReader>(sp =>
        {
            var runtime = sp.GetRequiredService<NodeRuntime>();
            return new LedgerStateReader(runtime.Ledger, runtime.Feed);
        });
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<WatchDispatcher>(sp, sp.GetRequiredService<NodeRuntime>().Feed));
        return services;
    }
}
