using CsCheck;
using TrustLedger.Contracts.Points;
using TrustLedger.Contracts.Tests.Support;
using Xunit;

namespace TrustLedger.Contracts.Tests.Properties;

/// <summary>Points conservation: awarded − redeemed − expired = Σ balances, after every transaction, whatever the order.</summary>
public sealed class PointsProperties
{
    private static readonly int[] PointsKinds = [0, 18, 18, 19, 19, 20, 23];

    private static readonly Gen<Op> PointsOp = Gen.Select(Gen.Int[0, PointsKinds.Length - 1], Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 1000])
        .Select((k, a, b, c) => new Op(PointsKinds[k], a, b, c));

    [Fact]
    public void Awarded_minus_redeemed_minus_expired_equals_the_sum_of_balances()
    {
        PointsOp.Array[1, 120].Sample(ops =>
        {
            var workload = new Workload(new TestNetwork(points: new PointsOptions(DefaultMonthlyCap: 3_000, MaxLots: 4)));
            foreach (var op in ops)
            {
                workload.Apply(op);
                AssertConserved(workload.Network);
            }
        }, iter: 100);
    }

    internal static void AssertConserved(TestNetwork net)
    {
        var totals = PointsQueries.NetworkTotals(net.State);
        ulong sum = 0;
        foreach (var name in Workload.Residents)
        {
            var account = PointsQueries.Account(net.State, TestNetwork.AddressOf(name));
            if (account is null) continue;
            Assert.Equal(account.Balance, account.Lots.Aggregate(0UL, (s, l) => s + l.Remaining));
            Assert.Equal(account.Awarded - account.Redeemed - account.Expired, account.Balance);
            Assert.All(account.Lots, l => Assert.True(l.Remaining > 0));
            Assert.Equal(account.HistoryCount, (ulong)PointsQueries.History(net.State, TestNetwork.AddressOf(name), limit: int.MaxValue).Count);
            sum += account.Balance;
        }
        Assert.Equal(totals.Awarded - totals.Redeemed - totals.Expired, sum);
        // Governance may have given other organisations the community role: sum over every issuer.
        var issuers = Membership.MembershipState.OrganisationIds(net.State).Select(id => PointsQueries.IssuerTotals(net.State, id)).ToList();
        Assert.Equal(
            (totals.Awarded, totals.Redeemed, totals.Expired),
            (issuers.Aggregate(0UL, (s, t) => s + t.Awarded), issuers.Aggregate(0UL, (s, t) => s + t.Redeemed), issuers.Aggregate(0UL, (s, t) => s + t.Expired)));
        Assert.Equal(totals.Redeemed, PointsQueries.StoreTotals(net.State, "store-1").Redeemed + PointsQueries.StoreTotals(net.State, "store-2").Redeemed);
    }
}
