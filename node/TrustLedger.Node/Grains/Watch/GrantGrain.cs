using Microsoft.Extensions.Options;
using TrustLedger.Node.Grains.Watch.Views;

namespace TrustLedger.Node.Grains.Watch;

public sealed class GrantGrain(ICommittedStateReader reader, IOptions<LiveViewOptions> options, [FromKeyedServices(LiveViewOptions.ClockKey)] TimeProvider time, ILogger<GrantGrain> logger)
    : LiveViewGrain(reader, options, time, logger), IGrantGrain
{
    protected override LiveView CreateView(string id, LiveViewOptions options) => new GrantView(id, options.MaxSnapshotEntries);
}
