using Grpc.Core;
using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Messages;
using TrustLedger.EndToEnd.Tests.Support;
using TrustLedger.Protocol.Crypto;
using Xunit;

namespace TrustLedger.EndToEnd.Tests.Domain;

/// <summary>Data sharing through the SDK against a real node: register, request, approve narrowed, record access, revoke.</summary>
[Collection(DomainCollection.Name)]
public sealed class DataSharingTests(NodeFixture fixture)
{
    private static byte[] Sha256(string text) => DigestHashFunction.Sha256.Hash(System.Text.Encoding.UTF8.GetBytes(text)).ToArray();

    [Fact]
    public async Task Department_requests_owner_approves_narrowed_and_every_access_leaves_a_receipt()
    {
        using var net = new DomainNetwork(fixture);
        var police = await net.AddAsync("psb", Roles.Department);
        var civil = await net.AddAsync("civil", Roles.Department);

        var dataset = await civil.Client.DataSharing.RegisterDatasetAsync("household register", ["name", "address", "household", "id_number"], Sensitivity.Confidential);
        Assert.Equal("active", dataset.Status);
        Assert.Equal(dataset.Id, Assert.Single(await police.Client.DataSharing.ListDatasetsAsync(civil.Id)).Id);

        var request = await police.Client.DataSharing.RequestAccessAsync(dataset.Id, ["address", "household", "id_number"],
            "verify the address of a case party", "Public Security Administration Punishments Law art. 9", TimeSpan.FromDays(30));
        Assert.Equal("requested", request.Status);
        Assert.Equal(request.Id, Assert.Single(await civil.Client.DataSharing.ListRequestsAwaitingDecisionAsync(civil.Id)).Id);
        Assert.Equal(request.Id, Assert.Single(await police.Client.DataSharing.ListOutstandingRequestsAsync(police.Id)).Id);

        var approved = await civil.Client.DataSharing.ApproveAsync(request.Id, ["address", "household"], TimeSpan.FromDays(7), maxUses: 10);
        Assert.Equal("active", approved.Status);
        var grant = (await police.Client.DataSharing.GetGrantAsync(request.Id))!;
        Assert.Equal(GrantStatus.Active, grant.Status);
        Assert.Equal(["address", "household"], grant.GrantedFields);
        Assert.Equal(10UL, grant.MaxUses);
        Assert.InRange(grant.ExpiresAtMs - approved.Receipt.BlockTime.ToUnixTimeMilliseconds(), 0, (long)TimeSpan.FromDays(7).TotalMilliseconds);
        Assert.Empty(await civil.Client.DataSharing.ListRequestsAwaitingDecisionAsync(civil.Id));
        Assert.Empty(await police.Client.DataSharing.ListOutstandingRequestsAsync(police.Id));

        var content = Sha256("{\"address\":\"Nanhu district 12\",\"household\":\"H-4471\"}");
        var access = await civil.Client.DataSharing.RecordAccessAsync(request.Id, Sha256("salt|H-4471"), content, police.Key.Address);
        Assert.Equal(1UL, access.Value);
        var receipt = Assert.Single(await police.Client.DataSharing.GetAccessLogAsync(request.Id));
        Assert.Equal(content, receipt.ContentHash.ToByteArray());
        Assert.Equal(police.Id, receipt.RequesterOrganisation);
        Assert.Equal(access.Height, receipt.Height);
        Assert.Equal(request.Id, Assert.Single(await civil.Client.DataSharing.ListDatasetGrantsAsync(dataset.Id)).Id);
        Assert.Equal(request.Id, Assert.Single(await police.Client.DataSharing.ListGrantsRequestedByAsync(police.Id)).Id);
    }

    [Fact]
    public async Task Only_the_owner_decides_and_a_revoked_grant_serves_nothing_more()
    {
        using var net = new DomainNetwork(fixture);
        var police = await net.AddAsync("psb", Roles.Department);
        var civil = await net.AddAsync("civil", Roles.Department);
        var dataset = await civil.Client.DataSharing.RegisterDatasetAsync("business licences", ["holder", "address"], Sensitivity.Internal);
        var request = await police.Client.DataSharing.RequestAccessAsync(dataset.Id, ["holder"], "inspection", "licensing regulation", TimeSpan.FromDays(1));

        // The requester cannot approve its own request.
        var denied = await net.AssertRefusedAsync(StatusCode.PermissionDenied,
            () => police.Client.DataSharing.ApproveAsync(request.Id),
            async () => await police.Client.DataSharing.GetGrantAsync(request.Id));
        Assert.Contains("owner", denied.Reason);

        await civil.Client.DataSharing.ApproveAsync(request.Id);
        // A key outside the grantee organisation cannot be the recipient of a record.
        await net.AssertRefusedAsync(StatusCode.PermissionDenied,
            () => civil.Client.DataSharing.RecordAccessAsync(request.Id, Sha256("k1"), Sha256("c1"), civil.Key.Address),
            async () => await civil.Client.DataSharing.GetAccessLogAsync(request.Id));

        await civil.Client.DataSharing.RevokeAsync(request.Id, "inspection finished");
        Assert.Equal(GrantStatus.Revoked, (await police.Client.DataSharing.GetGrantAsync(request.Id))!.Status);
        await net.AssertRefusedAsync(StatusCode.FailedPrecondition,
            () => civil.Client.DataSharing.RecordAccessAsync(request.Id, Sha256("k2"), Sha256("c2"), police.Key.Address),
            async () => await civil.Client.DataSharing.GetGrantAsync(request.Id));
        Assert.Empty(await civil.Client.DataSharing.GetAccessLogAsync(request.Id));
    }
}
