using System.Threading.Channels;
using TrustLedger.Node.Grains.Watch;

namespace TrustLedger.Node.Tests.Support;

/// <summary>Waiting on conditions with deadlines, never on the clock.</summary>
public static class Waits
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>The next update pushed to an observer; fails after <see cref="Deadline"/>.</summary>
    public static async Task<LiveViewUpdate> Next(this ChannelReader<LiveViewUpdate> updates)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        return await updates.ReadAsync(deadline.Token);
    }
}
