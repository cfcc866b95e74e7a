using Grpc.Core;
using TrustLedger.Contracts.Governance;
using TrustLedger.EndToEnd.Tests.Support;
using TrustLedger.Sdk.Domain;
using Xunit;

namespace TrustLedger.EndToEnd.Tests.Domain;

/// <summary>The domain SDK on an <c>sm</c> network (its own node): SM2 organisation keys join by governance, an SM2 resident signs a redemption.</summary>
[Collection(DomainCollection.Name)] // one domain test class at a time: fewer node processes competing for the machine
public sealed class SmSuiteTests(SmNodeFixture fixture) : IClassFixture<SmNodeFixture>
{
    [Fact]
    public async Task Sm2_organisations_and_an_sm2_resident_redemption()
    {
        Assert.Equal("sm", fixture.Client.Suite.Name);
        using var net = new DomainNetwork(fixture.Node.Endpoint, fixture.Client);
        var community = await net.AddAsync("community", Roles.Community);
        var store = await net.AddAsync("store", Roles.Store);
        var resident = new ResidentWallet(net.NewResident(), store.Client.ChainId);
        Assert.Equal("sm", resident.Key.Suite);

        await community.Client.Points.AwardAsync(resident.Address, 40, "volunteer.patrol");
        var redeemed = await store.Client.Points.RedeemAsync(resident.AuthoriseRedemption(store.Id, 15));
        Assert.Equal(25UL, redeemed.Value);

        // An eth-suite signature means nothing on an sm network.
        var foreign = new ResidentWallet(TrustLedger.Protocol.Crypto.CryptoSuites.Get("eth").GenerateKey(), store.Client.ChainId);
        await net.AssertRefusedAsync(StatusCode.InvalidArgument,
            () => store.Client.Points.RedeemAsync(foreign.AuthoriseRedemption(store.Id, 1)),
            async () => await store.Client.Points.GetTotalsAsync(stores: [store.Id]));
        Assert.Equal(25UL, (await net.Admin.Points.GetBalanceAsync(resident.Address)).Usable); // the dev organisation audits
    }
}
