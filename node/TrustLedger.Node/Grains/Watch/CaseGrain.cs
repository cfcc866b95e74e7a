using Microsoft.Extensions.Options;
using TrustLedger.Node.Grains.Watch.Views;

namespace TrustLedger.Node.Grains.Watch;

public sealed class CaseGrain(ICommittedStateReader reader, IOptions<LiveViewOptions> options, [FromKeyedServices(LiveViewOptions.ClockKey)] TimeProvider time, ILogger<CaseGrain> logger)
    : LiveViewGrain(reader, options, time, logger), ICaseGrain
{
    protected override LiveView CreateView(string id, LiveViewOptions options) => new CaseView(id, options.MaxSnapshotEntries);
}
