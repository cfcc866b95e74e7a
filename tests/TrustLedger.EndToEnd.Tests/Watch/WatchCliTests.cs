using System.Text.Json;
using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Messages;
using TrustLedger.EndToEnd.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace TrustLedger.EndToEnd.Tests.Watch;

/// <summary><c>tl watch</c> with the real binary: the first update of a watch, and readable errors.</summary>
[Collection(DomainCollection.Name)]
public sealed class WatchCliTests(NodeFixture fixture, ITestOutputHelper output)
{
    private async Task<(int Exit, string Out, string Err)> Tl(params string[] args)
    {
        var result = await TlProcess.RunAsync(fixture.Node.Endpoint, TimeSpan.FromMinutes(1), [.. args, "--key", fixture.Node.ClientKeyPath]);
        output.WriteLine($"$ tl {string.Join(' ', args)}\n{result.Out}{result.Err}");
        return result;
    }

    [Fact]
    public async Task Watch_once_prints_the_current_inbox_as_one_json_line_and_a_case_as_text()
    {
        using var net = new DomainNetwork(fixture);
        var hub = await net.AddAsync("hub", Roles.Hub);
        var water = await net.AddAsync("water", Roles.Department);
        var caseId = (await hub.Client.Cases.ReportAsync("road.damage", "grid:330402-017-05", new byte[32], Severity.High)).Id;
        await hub.Client.Cases.HandOverAsync(caseId, water.Id, DateTimeOffset.UtcNow.AddDays(3), "pothole");

        var (exit, stdout, _) = await Tl("watch", "inbox", water.Id, "--once", "--json");
        Assert.Equal(0, exit);
        var line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var update = JsonDocument.Parse(line);
        Assert.True(update.RootElement.GetProperty("snapshot").GetBoolean());
        Assert.Equal(water.Id, update.RootElement.GetProperty("department").GetString());
        Assert.Equal(caseId, Assert.Single(update.RootElement.GetProperty("cases").EnumerateArray()).GetProperty("id").GetString());

        var text = await Tl("watch", "case", caseId, "--once");
        Assert.Equal(0, text.Exit);
        Assert.Contains($"handed_over → {water.Id}", text.Out);
        Assert.Contains("case.hand_over", text.Out);
    }

    [Fact]
    public async Task Watching_an_unknown_case_fails_with_one_readable_line()
    {
        var (exit, _, stderr) = await Tl("watch", "case", new string('a', 64));
        Assert.Equal(1, exit);
        Assert.Contains("NotFound", stderr);
        Assert.DoesNotContain("   at ", stderr);

        var badAddress = await Tl("watch", "points", "0x1234");
        Assert.Equal(1, badAddress.Exit);
        Assert.Contains("20 bytes", badAddress.Err);
    }
}
