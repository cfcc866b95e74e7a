using Microsoft.Extensions.Options;
using TrustLedger.Node.Grains.Watch.Views;

namespace TrustLedger.Node.Grains.Watch;

public sealed class PointsAccountGrain(ICommittedStateReader reader, IOptions<LiveViewOptions> options, [FromKeyedServices(LiveViewOptions.ClockKey)] TimeProvider time, ILogger<PointsAccountGrain> logger)
    : LiveViewGrain(reader, options, time, logger), IPointsAccountGrain
{
    protected override LiveView CreateView(string id, LiveViewOptions options) => new PointsAccountView(id, options.MaxSnapshotEntries);
}
