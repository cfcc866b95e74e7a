using System.Diagnostics;
using System.Text.Json;
using TrustLedger.EndToEnd.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace TrustLedger.EndToEnd.Tests;

/// <summary>The README's CLI session, run for real: the `tl` binary against a node process.</summary>
public sealed class CliSessionTests(NodeFixture fixture, ITestOutputHelper output) : IClassFixture<NodeFixture>
{
    private Task<(int Exit, string Out, string Err)> Tl(params string[] args) => TlWith(NodeProcess.Password, args);

    /// <summary>Runs <c>tl</c> with stdin not a terminal and TL_KEY_PASSWORD set to <paramref name="password"/> (unset when null).</summary>
    private async Task<(int Exit, string Out, string Err)> TlWith(string? password, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.ArgumentList.Add(BuiltOutputs.Find("sdk/TrustLedger.Cli", "tl.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.ArgumentList.Add("--node");
        info.ArgumentList.Add(fixture.Node.Endpoint);
        info.Environment["TL_KEY"] = fixture.Node.ClientKeyPath; // reads identify as the dev organisation, as from the repo root
        if (password is null) info.Environment.Remove("TL_KEY_PASSWORD");
        else info.Environment["TL_KEY_PASSWORD"] = password;
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        output.WriteLine($"$ tl {string.Join(' ', args)}\n{await stdout}{await stderr}");
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Submit_then_read_back_block_and_transaction_as_json()
    {
        var submit = await Tl("submit", "--payload", "minutes of the 3 May meeting", "--key", fixture.Node.ClientKeyPath, "--json");
        Assert.Equal(0, submit.Exit);
        using var receipt = JsonDocument.Parse(submit.Out);
        var txId = receipt.RootElement.GetProperty("txId").GetString()!;
        var height = receipt.RootElement.GetProperty("block").GetUInt64();
        Assert.Equal("committed", receipt.RootElement.GetProperty("status").GetString());

        var tx = await Tl("tx", "get", txId, "--json");
        Assert.Equal(0, tx.Exit);
        using var txJson = JsonDocument.Parse(tx.Out);
        Assert.Equal("anchor.put", txJson.RootElement.GetProperty("type").GetString());

        var block = await Tl("block", "get", height.ToString(), "--json");
        Assert.Equal(0, block.Exit);
        using var blockJson = JsonDocument.Parse(block.Out);
        Assert.Contains(blockJson.RootElement.GetProperty("transactions").EnumerateArray(), t => t.GetProperty("id").GetString() == txId);

        var status = await Tl("status");
        Assert.Equal(0, status.Exit);
        Assert.Contains("chain id:", status.Out);

        var genesis = Path.Combine(fixture.Node.DataDir, "genesis.json");
        var audit = await Tl("audit", "tx", txId, "--genesis", genesis);
        Assert.Equal(0, audit.Exit);
        Assert.Contains("transaction included", audit.Out);
        var growth = await Tl("audit", "log", "1", "--genesis", genesis);
        Assert.Equal(0, growth.Exit);
        Assert.Contains("append-only growth", growth.Out);
    }

    [Fact]
    public async Task New_key_is_written_and_shown_but_is_not_a_member()
    {
        var path = Path.Combine(fixture.Node.DataDir, $"outsider-{Guid.NewGuid():N}.key.json");
        var created = await Tl("key", "new", "--suite", "eth", "--out", path, "--json");
        Assert.Equal(0, created.Exit);
        var shown = await Tl("key", "show", path);
        Assert.Contains(JsonDocument.Parse(created.Out).RootElement.GetProperty("address").GetString()!, shown.Out);

        var refused = await Tl("submit", "--payload", "x", "--key", path);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("PermissionDenied", refused.Err);
        Assert.DoesNotContain("   at ", refused.Err); // one readable line, no stack trace
    }

    [Fact]
    public async Task New_key_without_a_password_is_refused_in_one_line_and_nothing_is_written()
    {
        var path = Path.Combine(fixture.Node.DataDir, $"nopassword-{Guid.NewGuid():N}.key.json");

        var refused = await TlWith(null, "key", "new", "--out", path);

        Assert.Equal(1, refused.Exit);
        var line = Assert.Single(refused.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        foreach (var way in new[] { "TL_KEY_PASSWORD", "--password-file", "terminal", "--dev-password" })
            Assert.Contains(way, line);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task New_key_takes_its_password_from_a_file_or_explicitly_the_dev_password()
    {
        var passwordFile = Path.Combine(fixture.Node.DataDir, $"password-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(passwordFile, "correct horse battery staple\n");
        var fromFile = Path.Combine(fixture.Node.DataDir, $"file-{Guid.NewGuid():N}.key.json");
        var dev = Path.Combine(fixture.Node.DataDir, $"dev-{Guid.NewGuid():N}.key.json");

        Assert.Equal(0, (await TlWith(null, "key", "new", "--out", fromFile, "--password-file", passwordFile)).Exit);
        Assert.Equal(0, (await TlWith(null, "key", "new", "--out", dev, "--dev-password")).Exit);

        Assert.Equal(0, (await TlWith("correct horse battery staple", "key", "show", fromFile)).Exit);
        Assert.Equal(1, (await TlWith(NodeProcess.Password, "key", "show", fromFile)).Exit); // not the dev password
        Assert.Equal(0, (await TlWith(NodeProcess.Password, "key", "show", dev)).Exit);
        var both = await TlWith(null, "key", "new", "--out", dev, "--force", "--dev-password", "--password-file", passwordFile);
        Assert.Equal(1, both.Exit);
        Assert.Contains("not both", both.Err);
    }

    [Fact]
    public async Task Bad_arguments_get_a_readable_error()
    {
        var noPayload = await Tl("submit", "--key", fixture.Node.ClientKeyPath);
        Assert.Equal(1, noPayload.Exit);
        Assert.Contains("exactly one of --payload", noPayload.Err);
        var badId = await Tl("tx", "get", "0x1234");
        Assert.Equal(1, badId.Exit);
        Assert.Contains("32 bytes", badId.Err);
    }
}
