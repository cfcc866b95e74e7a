using System.Text.Json;
using TrustLedger.EndToEnd.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace TrustLedger.EndToEnd.Tests.Domain;

/// <summary>`tl demo` against a real dev node: the seed story plays through and prints what happened.</summary>
[Collection(DomainCollection.Name)]
public sealed class DemoCommandTests(NodeFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Demo_plays_the_seed_story_and_prints_the_key_facts()
    {
        var keys = Path.Combine(fixture.Node.DataDir, "demo-keys-" + Guid.NewGuid().ToString("N")[..6]);
        var (exit, stdout, stderr) = await TlProcess.RunAsync(fixture.Node.Endpoint, TimeSpan.FromMinutes(3),
            "demo", "--key", fixture.Node.ClientKeyPath, "--keys-dir", keys);
        output.WriteLine(stdout + stderr);
        Assert.Equal(0, exit);
        Assert.Contains("executed in block", stdout);                                   // governance added the cast
        Assert.Contains("verified, the content hash matches", stdout);                  // the record checked against its receipt
        Assert.Matches(@"verified record: \{""household_id"":""H-330402-4471"",""address"":""Nanhu district, Jianguo Rd 12, unit 3""\}   \(receipt tx \S+, height \d+\)",
            stdout);                                                                    // fetched off-chain, narrowed to the granted fields
        Assert.DoesNotContain("RP-2024-0815", stdout);                                  // the field the grant left out never leaves the node
        Assert.Contains("case is closed, handled on time", stdout);                     // 交办 → 签收 → 处置 → 办结
        Assert.Contains("balance 100 (awarded 150, redeemed 50)", stdout);              // points earned and redeemed
        Assert.Contains("refused as expected", stdout);
        Assert.Contains("PermissionDenied", stdout);
        Assert.Contains("AlreadyExists", stdout);                                       // no double spend
        Assert.Contains("100.0 %", stdout);                                             // the department's closure and on-time rates
        Assert.Equal(6, Directory.GetFiles(keys, "*.key.json").Length);                 // five organisations and the resident
    }

    [Fact]
    public async Task Demo_as_json_reports_ids_blocks_and_balances()
    {
        var (exit, stdout, stderr) = await TlProcess.RunAsync(fixture.Node.Endpoint, TimeSpan.FromMinutes(3), "demo", "--key", fixture.Node.ClientKeyPath, "--json");
        output.WriteLine(stdout + stderr);
        Assert.Equal(0, exit);
        using var facts = JsonDocument.Parse(stdout);
        var root = facts.RootElement;
        Assert.Equal("closed", root.GetProperty("case").GetProperty("state").GetString());
        Assert.True(root.GetProperty("dataSharing").GetProperty("verified").GetBoolean());
        Assert.Equal("H-330402-4471", root.GetProperty("dataSharing").GetProperty("record").GetProperty("household_id").GetString());
        Assert.False(root.GetProperty("dataSharing").GetProperty("record").TryGetProperty("members", out _));
        Assert.Equal(1UL, root.GetProperty("summary").GetProperty("accessReceipts").GetUInt64());
        Assert.Equal(100UL, root.GetProperty("summary").GetProperty("residentBalance").GetUInt64());
        Assert.Equal("active", root.GetProperty("summary").GetProperty("grantStatus").GetString());
        Assert.Equal(1000UL, root.GetProperty("summary").GetProperty("department").GetProperty("closurePermille").GetUInt64());
        Assert.True(root.GetProperty("case").GetProperty("closeBlock").GetUInt64() > root.GetProperty("case").GetProperty("reportBlock").GetUInt64());
        Directory.Delete(root.GetProperty("keysDir").GetString()!, recursive: true);
    }
}
