using Grpc.Core;
using TrustLedger.Network.Tests.Support;
using TrustLedger.Sdk;
using Xunit.Abstractions;

namespace TrustLedger.Network.Tests;

/// <summary><c>tlnet up --admins K</c> on real nodes: org1..orgK are the admins, and a proposal needs a majority of K approvals.</summary>
public sealed class AdminsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task With_two_admins_a_proposal_needs_both_a_non_admin_cannot_propose_and_the_demo_refuses_before_submitting()
    {
        await using var harness = new NetworkHarness(output);
        var network = (await harness.UpAsync(nodes: 4, admins: 2)).Network;
        var (org1, org2, org3) = (await harness.ClientAsync(1), await harness.ClientAsync(2), await harness.ClientAsync(3));

        var organisations = await org3.Governance.ListOrganisationsAsync();
        Assert.Equal(["org1", "org2"], organisations.AdminOrganisations);
        Assert.Equal(2u, organisations.AdminThreshold); // a majority of 2

        var demo = await BuiltTl.RunAsync(TimeSpan.FromMinutes(1), ["demo", "--node", network.Node(1).Endpoint, "--key", network.Files(1).ClientKeyPath, .. harness.TlsArguments(1)]);
        output.WriteLine($"$ tl demo → {demo.Exit}{Environment.NewLine}{demo.Out}{demo.Err}");
        Assert.Equal(1, demo.Exit);
        Assert.Contains("a governance proposal on this network needs 2 approvals of its admins (org1, org2)", demo.Err);
        Assert.Contains("`tlnet up --admins 1`", demo.Err);
        Assert.Empty(await org1.Governance.ListProposalsAsync(openOnly: false)); // it proposed nothing

        var archive = org1.Suite.GenerateKey().PublicKey;
        var denied = await Assert.ThrowsAsync<TransactionRejectedException>(() => org3.Governance.AddOrganisationAsync("archive", "City archive", ["auditor"], [archive]));
        Assert.Equal(StatusCode.PermissionDenied, denied.Code);

        var proposed = await org1.Governance.AddOrganisationAsync("archive", "City archive", ["auditor"], [archive]);
        Assert.Equal("open", proposed.Status);
        await org2.WaitForReceiptAsync(proposed.TxId, TimeSpan.FromSeconds(30)); // node 2 has the proposal before org2 votes through it
        var approved = await org2.Governance.ApproveAsync(proposed.Id);
        Assert.Equal("executed", approved.Status);
        Assert.NotNull(await org2.Governance.GetOrganisationAsync("archive"));
    }
}
