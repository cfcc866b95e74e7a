using System.Diagnostics;
using System.Text.Json;
using TrustLedger.Network.Lifecycle;
using TrustLedger.Network.Tests.Support;
using Xunit.Abstractions;

namespace TrustLedger.Network.Tests;

/// <summary>The built <c>tlnet</c> as a user runs it: it returns, and the nodes it started keep running on their own.</summary>
public sealed class ConsoleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Up_returns_while_the_node_runs_on_in_a_session_of_its_own_then_status_and_down_find_it()
    {
        await using var harness = new NetworkHarness(output);

        var up = await Tlnet("up", "--dir", harness.Dir, "--nodes", "1", "--base-port", harness.BasePort.ToString());

        Assert.Equal(0, up.Exit);
        Assert.Contains($"https://127.0.0.1:{harness.BasePort + 1}", up.Out);
        Assert.Contains($"tl status --node https://127.0.0.1:{harness.BasePort + 1}", up.Out);
        Assert.Contains("client.key.json", up.Out);
        Assert.Contains("--tls-cert ", up.Out);
        Assert.Contains("mutual TLS: every node serves TLS 1.3", up.Out);
        Assert.Contains("admin: org1 — a governance proposal needs 1 approval (a majority of 1 admin organisation)", up.Out);
        Assert.Contains($"tl demo --node https://127.0.0.1:{harness.BasePort + 1} --key ", up.Out);
        Assert.Contains("1/1 ready", up.Err);
        var pid = harness.Network.RunningPid(1)!.Value; // alive after tlnet exited
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var session = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[3]);
        Assert.Equal(pid, session); // setsid: its own session, out of reach of the terminal tlnet ran in

        var status = await Tlnet("status", "--dir", harness.Dir, "--json");
        Assert.Equal(0, status.Exit);
        var node = JsonDocument.Parse(status.Out).RootElement[0];
        Assert.Equal("running", node.GetProperty("state").GetString());
        Assert.Equal(pid, node.GetProperty("pid").GetInt32());
        Assert.Equal("validator", node.GetProperty("role").GetString());

        var down = await Tlnet("down", "--dir", harness.Dir);
        Assert.Equal(0, down.Exit);
        Assert.False(Directory.Exists(harness.Dir));
    }

    [Fact]
    public async Task Errors_are_one_line_on_stderr_with_exit_code_1()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tlnet-missing-" + Guid.NewGuid().ToString("N")[..8]);

        var stop = await Tlnet("stop", "--dir", dir, "2");

        Assert.Equal(1, stop.Exit);
        Assert.Equal($"error: {dir} does not exist; create a network with `tlnet up --dir {dir}`", stop.Err.Trim());
        Assert.Empty(stop.Out);
    }

    private async Task<(int Exit, string Out, string Err)> Tlnet(params string[] args)
    {
        var info = new ProcessStartInfo(BuiltTlnet.DotnetHost) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[BuiltTlnet.TlnetDll, .. args]) info.ArgumentList.Add(arg);
        info.Environment["TL_KEY_PASSWORD"] = KeyPassword.Dev;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        var result = (process.ExitCode, await stdout, await stderr);
        output.WriteLine($"$ tlnet {string.Join(' ', args)} → {result.ExitCode}{Environment.NewLine}{result.Item2}{result.Item3}");
        return result;
    }
}
