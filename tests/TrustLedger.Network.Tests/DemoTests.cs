using System.Text.Json;
using System.Text.RegularExpressions;
using TrustLedger.Contracts.Messages;
using TrustLedger.Network.Tests.Support;
using Xunit.Abstractions;

namespace TrustLedger.Network.Tests;

/// <summary>
/// <c>tl demo</c>, the built CLI as a user runs it, against a default four-validator tlnet network: org1 is the only
/// admin, so one approval executes each of the demo's proposals, and org1's node serves the demo's record.
/// </summary>
public sealed partial class DemoTests(ITestOutputHelper output)
{
    private static readonly TimeSpan DemoTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task The_demo_plays_through_against_node_1_and_every_node_then_holds_the_same_chain()
    {
        await using var harness = new NetworkHarness(output);
        var network = (await harness.UpAsync(nodes: 4)).Network;
        var keys = Path.Combine(harness.Dir, "demo-keys");

        var demo = await Tl(["demo", "--node", network.Node(1).Endpoint, "--key", network.Files(1).ClientKeyPath, "--keys-dir", keys, .. harness.TlsArguments(1)]);

        Assert.Equal(0, demo.Exit);
        Assert.Equal(5, Regex.Matches(demo.Out, @"proposal \S+ executed in block \d+").Count);     // one approval is org1's own
        Assert.Contains("org1 (the civil-affairs records office running this node) registers dataset", demo.Out);
        Assert.Contains("verified, the content hash matches", demo.Out);                            // served by org1's node, checked against its receipt
        Assert.DoesNotContain("RP-2024-0815", demo.Out);                                            // the field the grant left out
        Assert.Contains("case is closed, handled on time", demo.Out);
        Assert.Contains("balance 100 (awarded 150, redeemed 50)", demo.Out);
        Assert.Equal(6, Directory.GetFiles(keys, "*.key.json").Length);
        var done = DoneLine().Match(demo.Out);
        var height = ulong.Parse(done.Groups["height"].Value);

        var clients = await Task.WhenAll(Enumerable.Range(1, 4).Select(harness.ClientAsync));
        await ChainAssert.ReachesAsync(clients, height, TimeSpan.FromSeconds(60));
        await ChainAssert.IdenticalHeadersAsync(clients, height);
        foreach (var client in clients.Skip(1))                                                       // the other nodes answer with what the demo made
            Assert.Equal(CaseState.Closed, (await client.Cases.GetCaseAsync(done.Groups["case"].Value))!.State);
    }

    [Fact]
    public async Task The_demo_run_through_another_node_sends_its_record_calls_to_the_admins_node_and_refuses_a_non_admin_key()
    {
        await using var harness = new NetworkHarness(output);
        var network = (await harness.UpAsync(nodes: 4)).Network;

        var refused = await Tl(["demo", "--node", network.Node(3).Endpoint, "--key", network.Files(3).ClientKeyPath, .. harness.TlsArguments(3)]);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("--key must be a key of an admin organisation (org1)", refused.Err);
        Assert.Contains("is in 'org3', which is no admin", refused.Err);

        var demo = await Tl(["demo", "--node", network.Node(3).Endpoint, "--key", network.Files(1).ClientKeyPath, "--json", .. harness.TlsArguments(1)]);

        Assert.Equal(0, demo.Exit);
        using var facts = JsonDocument.Parse(demo.Out);
        var sharing = facts.RootElement.GetProperty("dataSharing");
        Assert.Equal("org1", sharing.GetProperty("owner").GetString());
        Assert.Equal(network.Node(1).Endpoint, sharing.GetProperty("ownerNode").GetString());      // from the validator set, not --node
        Assert.True(sharing.GetProperty("verified").GetBoolean());
        Assert.Equal(100UL, facts.RootElement.GetProperty("summary").GetProperty("residentBalance").GetUInt64());
        Directory.Delete(facts.RootElement.GetProperty("keysDir").GetString()!, recursive: true);
    }

    private async Task<(int Exit, string Out, string Err)> Tl(params string[] args)
    {
        var result = await BuiltTl.RunAsync(DemoTimeout, args);
        output.WriteLine($"$ tl {string.Join(' ', args)} → {result.Exit}{Environment.NewLine}{result.Out}{result.Err}");
        return result;
    }

    [GeneratedRegex(@"Done: chain at block (?<height>\d+), state root .*`tl case show (?<case>[0-9a-f]+)`")]
    private static partial Regex DoneLine();
}
