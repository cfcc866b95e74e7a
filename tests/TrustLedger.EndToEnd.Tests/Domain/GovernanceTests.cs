using Grpc.Core;
using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Messages;
using TrustLedger.EndToEnd.Tests.Support;
using TrustLedger.Sdk;
using Xunit;

namespace TrustLedger.EndToEnd.Tests.Domain;

/// <summary>Governance through the SDK against a real node: organisations added by proposal, membership queries, refusals.</summary>
[Collection(DomainCollection.Name)]
public sealed class GovernanceTests(NodeFixture fixture)
{
    [Fact]
    public async Task Admin_adds_an_organisation_whose_key_can_then_act_in_its_role()
    {
        using var net = new DomainNetwork(fixture);
        var civil = await net.AddAsync("civil", Roles.Department);

        var org = (await net.Admin.Governance.GetOrganisationAsync(civil.Id))!;
        Assert.Equal([Roles.Department], org.Roles);
        Assert.Equal(civil.Key.PublicKey, Assert.Single(org.Keys).PublicKey.ToByteArray());
        var me = (await civil.Client.Governance.WhoAmIAsync())!;
        Assert.Equal((civil.Id, Roles.Department), (me.Organisation, Assert.Single(me.Roles)));
        Assert.Contains((await civil.Client.Governance.ListOrganisationsAsync(Roles.Department)).Organisations, o => o.Id == civil.Id);

        var proposals = await net.Admin.Governance.ListProposalsAsync(openOnly: false, limit: 1000);
        var added = Assert.Single(proposals, p => p.Action.AddOrganisation?.Id == civil.Id);
        Assert.Equal(ProposalStatus.Executed, added.Status);
        Assert.Equal(added.Id, (await net.Admin.Governance.GetProposalAsync(added.Id))!.Id);

        // The new key acts in its role at once: the node's member directory followed the governance block.
        Assert.Equal("active", (await civil.Client.DataSharing.RegisterDatasetAsync("residence permits", ["holder", "address"], Sensitivity.Restricted)).Status);
    }

    [Fact]
    public async Task A_department_cannot_propose_and_an_unknown_proposal_is_not_found()
    {
        using var net = new DomainNetwork(fixture);
        var civil = await net.AddAsync("civil", Roles.Department);
        var newcomer = net.Admin.Suite.GenerateKey();

        var refused = await net.AssertRefusedAsync(StatusCode.PermissionDenied,
            () => civil.Client.Governance.AddOrganisationAsync(net.Id("rogue"), "rogue", [Roles.Admin], [newcomer.PublicKey]),
            async () => (await net.Admin.Governance.ListOrganisationsAsync(includeRemoved: true)).Organisations.Count);
        Assert.Contains("admin", refused.Reason);
        Assert.Null(await net.Admin.Governance.GetOrganisationAsync(net.Id("rogue")));
        Assert.Null(await net.Admin.Governance.GetMemberAsync(newcomer.Address));

        var unknown = new string('a', 64);
        Assert.Null(await net.Admin.Governance.GetProposalAsync(unknown));
        await net.AssertRefusedAsync(StatusCode.NotFound, () => net.Admin.Governance.ApproveAsync(unknown),
            async () => (await net.Admin.Governance.ListProposalsAsync(openOnly: false, limit: 1000)).Count);
        var error = await Assert.ThrowsAsync<RpcException>(() => net.Admin.Governance.GetProposalAsync("not-an-id"));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }
}
