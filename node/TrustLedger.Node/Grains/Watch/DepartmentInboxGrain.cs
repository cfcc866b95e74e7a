using Microsoft.Extensions.Options;
using TrustLedger.Node.Grains.Watch.Views;

namespace TrustLedger.Node.Grains.Watch;

public sealed class DepartmentInboxGrain(ICommittedStateReader reader, IOptions<LiveViewOptions> options, [FromKeyedServices(LiveViewOptions.ClockKey)] TimeProvider time, ILogger<DepartmentInboxGrain> logger)
    : LiveViewGrain(reader, options, time, logger), IDepartmentInboxGrain
{
    protected override LiveView CreateView(string id, LiveViewOptions options) => new DepartmentInboxView(id, options.MaxSnapshotEntries);
}
