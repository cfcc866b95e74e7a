using System.Diagnostics;
using System.Text.Json;
using TrustLedger.EndToEnd.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace TrustLedger.EndToEnd.Tests.Watch;

/// <summary><c>tl watch</c> with the real binary: the first update of a watch, and readable errors.</summary>
public sealed class WatchCliTests(NodeFixture fixture, ITestOutputHelper output) : IClassFixture<NodeFixture>
{
    private async Task<(int Exit, string Out, string Err)> Tl(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(BuiltOutputs.Find("sdk/TrustLedger.Cli", "tl.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.ArgumentList.Add("--node");
        info.ArgumentList.Add(fixture.Node.Endpoint);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        output.WriteLine($"$ tl {string.Join(' ', args)}\n{await stdout}{await stderr}");
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Watch_inbox_once_prints_the_current_inbox_as_one_json_line()
    {
        var city = new CityScenario(fixture);
        var caseId = await city.ReportCase();
        await city.HandOver(caseId, "dev"); // dev holds the department role too

        var (exit, stdout, _) = await Tl("watch", "inbox", "dev", "--once", "--json");
        Assert.Equal(0, exit);
        var line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var update = JsonDocument.Parse(line);
        Assert.True(update.RootElement.GetProperty("snapshot").GetBoolean());
        Assert.Equal("dev", update.RootElement.GetProperty("department").GetString());
        Assert.Contains(update.RootElement.GetProperty("cases").EnumerateArray(), c => c.GetProperty("id").GetString() == caseId);

        var text = await Tl("watch", "case", caseId, "--once");
        Assert.Equal(0, text.Exit);
        Assert.Contains("handed_over → dev", text.Out);
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
