using Grpc.Core;
using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Messages;
using TrustLedger.EndToEnd.Tests.Support;
using Xunit;

namespace TrustLedger.EndToEnd.Tests.Domain;

/// <summary>
/// M of N on a real node: with a second admin organisation a proposal needs both (a majority of two). Its own node,
/// because raising the number of admins changes what every later proposal needs.
/// </summary>
[Collection(DomainCollection.Name)] // one domain test class at a time: fewer node processes competing for the machine
public sealed class GovernanceQuorumTests(QuorumNodeFixture fixture) : IClassFixture<QuorumNodeFixture>
{
    [Fact]
    public async Task With_two_admins_a_proposal_waits_for_the_second_approval()
    {
        using var net = new DomainNetwork(fixture.Node.Endpoint, fixture.Client);
        var civil = await net.AddAsync("civil", Roles.Department);
        var council = await net.AddAsync("council", Roles.Admin); // last: from here on, proposals need both admins
        Assert.Equal(2U, (await net.Admin.Governance.ListOrganisationsAsync()).AdminThreshold);

        var newKey = net.Admin.Suite.GenerateKey();
        var proposal = await net.Admin.Governance.AddKeyAsync(civil.Id, newKey.PublicKey, "second key for the records office");
        Assert.Equal(("open", 1UL), (proposal.Status, proposal.Value));
        Assert.Equal(proposal.Id, Assert.Single(await council.Client.Governance.ListProposalsAsync()).Id);
        Assert.Null(await net.Admin.Governance.GetMemberAsync(newKey.Address));

        await net.AssertRefusedAsync(StatusCode.PermissionDenied, () => civil.Client.Governance.ApproveAsync(proposal.Id),
            async () => await net.Admin.Governance.GetProposalAsync(proposal.Id));
        await net.AssertRefusedAsync(StatusCode.AlreadyExists, () => net.Admin.Governance.ApproveAsync(proposal.Id),
            async () => await net.Admin.Governance.GetProposalAsync(proposal.Id));

        var executed = await council.Client.Governance.ApproveAsync(proposal.Id);
        Assert.Equal(("executed", 2UL), (executed.Status, executed.Value));
        Assert.Equal(ProposalStatus.Executed, (await net.Admin.Governance.GetProposalAsync(proposal.Id))!.Status);
        Assert.Empty(await council.Client.Governance.ListProposalsAsync());
        Assert.Equal(civil.Id, (await net.Admin.Governance.GetMemberAsync(newKey.Address))!.Organisation);
    }
}
