using Grpc.Core;
using TrustLedger.Contracts.Governance;
using TrustLedger.EndToEnd.Tests.Support;
using TrustLedger.Sdk.Domain;
using Xunit;

namespace TrustLedger.EndToEnd.Tests.Domain;

/// <summary>Community points through the SDK against a real node: award, resident-signed redemption at a store, balances, totals.</summary>
[Collection(DomainCollection.Name)]
public sealed class PointsTests(NodeFixture fixture)
{
    [Fact]
    public async Task Community_awards_resident_signs_store_redeems()
    {
        using var net = new DomainNetwork(fixture);
        var community = await net.AddAsync("community", Roles.Community);
        var store = await net.AddAsync("store", Roles.Store);
        var resident = new ResidentWallet(net.NewResident(), community.Client.ChainId);

        var awarded = await community.Client.Points.AwardAsync(resident.Address, 100, "volunteer.cleanup");
        Assert.Equal(100UL, awarded.Value);
        Assert.Equal(100UL, (await net.Admin.Points.GetBalanceAsync(resident.Address)).Usable);

        var slip = ResidentWallet.Encode(resident.AuthoriseRedemption(store.Id, 30, redemptionId: "r-0001"));
        var redeemed = await store.Client.Points.RedeemAsync(ResidentWallet.Decode(slip));
        Assert.Equal(("redeemed", 70UL), (redeemed.Status, redeemed.Value));

        var balance = await net.Admin.Points.GetBalanceAsync(resident.Address); // balances: the resident and auditors (the dev organisation is one)
        Assert.Equal((70UL, 100UL, 30UL), (balance.Usable, balance.Account.Awarded, balance.Account.Redeemed));
        var history = await net.Admin.Points.GetHistoryAsync(resident.Address);
        Assert.Equal([100UL, 70UL], history.Select(e => e.BalanceAfter));
        Assert.Equal(store.Id, (await store.Client.Points.GetRedemptionAsync(resident.Address, "r-0001"))!.StoreOrganisation);

        var totals = await store.Client.Points.GetTotalsAsync(stores: [store.Id], issuers: [community.Id]);
        Assert.Equal((30UL, 1UL), (Assert.Single(totals.Stores).Totals.Redeemed, totals.Stores[0].Totals.Redemptions));
        Assert.Equal((100UL, 30UL, 100UL), (totals.Issuers[0].Totals.Awarded, totals.Issuers[0].Totals.Redeemed, totals.Issuers[0].IssuedThisMonth));
        Assert.True(totals.Network.Awarded >= 100);
    }

    [Fact]
    public async Task No_double_redemption_no_overdraft_no_forged_or_foreign_authorisation()
    {
        using var net = new DomainNetwork(fixture);
        var community = await net.AddAsync("community", Roles.Community);
        var store = await net.AddAsync("store", Roles.Store);
        var otherStore = await net.AddAsync("store2", Roles.Store);
        var resident = new ResidentWallet(net.NewResident(), community.Client.ChainId);
        await community.Client.Points.AwardAsync(resident.Address, 50, "elderly.visit");
        async Task<object?> Balance() => await net.Admin.Points.GetBalanceAsync(resident.Address);

        var slip = resident.AuthoriseRedemption(store.Id, 20, redemptionId: "once");
        await store.Client.Points.RedeemAsync(slip);
        await net.AssertRefusedAsync(StatusCode.AlreadyExists, () => store.Client.Points.RedeemAsync(slip), Balance);
        await net.AssertRefusedAsync(StatusCode.FailedPrecondition,
            () => store.Client.Points.RedeemAsync(resident.AuthoriseRedemption(store.Id, 31)), Balance);
        await net.AssertRefusedAsync(StatusCode.PermissionDenied,
            () => otherStore.Client.Points.RedeemAsync(resident.AuthoriseRedemption(store.Id, 5)), Balance);
        var forged = resident.AuthoriseRedemption(store.Id, 5);
        forged.Amount = 25; // the store raises the amount after the resident signed
        await net.AssertRefusedAsync(StatusCode.PermissionDenied, () => store.Client.Points.RedeemAsync(forged), Balance);
        await net.AssertRefusedAsync(StatusCode.PermissionDenied,
            () => store.Client.Points.AwardAsync(resident.Address, 10, "self.award"), Balance);

        Assert.Equal(30UL, (await net.Admin.Points.GetBalanceAsync(resident.Address)).Usable);
    }
}
