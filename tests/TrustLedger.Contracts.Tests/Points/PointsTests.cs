using Google.Protobuf;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Messages;
using TrustLedger.Contracts.Points;
using TrustLedger.Contracts.Tests.Support;
using TrustLedger.Protocol.Ledger;
using Xunit;

namespace TrustLedger.Contracts.Tests.Points;

public sealed class PointsTests
{
    private const string Resident = "resident-1";

    public static TheoryData<string, string, ErrorCode> Awards => new()
    {
        { "community awards", "community-1", ErrorCode.None },
        { "store awards", "store-1", ErrorCode.PermissionDenied },
        { "admin awards", "admin-1", ErrorCode.PermissionDenied },
        { "department awards", "dept-a", ErrorCode.PermissionDenied },
        { "zero amount", "community-1", ErrorCode.InvalidArgument },
        { "above max award", "community-1", ErrorCode.InvalidArgument },
        { "short address", "community-1", ErrorCode.InvalidArgument },
        { "bad reason code", "community-1", ErrorCode.InvalidArgument },
        { "expiry in the past", "community-1", ErrorCode.InvalidArgument },
        { "above monthly cap", "community-1", ErrorCode.ResourceExhausted },
    };

    [Theory, MemberData(nameof(Awards))]
    public void Award(string name, string actor, ErrorCode expected)
    {
        var net = new TestNetwork(points: new PointsOptions(DefaultMonthlyCap: 1_000, MaxAward: 500));
        var request = Payloads.Award(Resident, 100);
        switch (name)
        {
            case "zero amount": request.Amount = 0; break;
            case "above max award": request.Amount = 501; break;
            case "short address": request.Resident = ByteString.CopyFrom(new byte[19]); break;
            case "bad reason code": request.ReasonCode = "clean up!"; break;
            case "expiry in the past": request.ExpiresAtMs = net.TimeMs; break;
            case "above monthly cap":
                net.Run(actor, PointsContract.AwardType, Payloads.Award(Resident, 500)).ShouldSucceed();
                net.Run(actor, PointsContract.AwardType, Payloads.Award("resident-2", 450)).ShouldSucceed();
                break;
        }
        if (expected != ErrorCode.None)
        {
            net.Refused(expected, actor, PointsContract.AwardType, request);
            return;
        }
        Assert.Equal(100UL, net.Run(actor, PointsContract.AwardType, request).ShouldSucceed().Output!.Value);
        Assert.Equal(100UL, PointsQueries.Balance(net.State, TestNetwork.AddressOf(Resident), net.TimeMs));
    }

    [Fact]
    public void The_cap_is_per_issuer_and_month_and_admins_may_change_it()
    {
        var net = new TestNetwork(points: new PointsOptions(DefaultMonthlyCap: 100));
        net.Run("community-1", PointsContract.AwardType, Payloads.Award(Resident, 100)).ShouldSucceed();
        net.Refused(ErrorCode.ResourceExhausted, "community-1", PointsContract.AwardType, Payloads.Award(Resident, 1));
        net.Refused(ErrorCode.PermissionDenied, "community-1", PointsContract.SetCapType, new SetIssuerCapRequest { IssuerOrganisation = "community-1", MonthlyCap = 150 });
        net.Refused(ErrorCode.FailedPrecondition, "admin-1", PointsContract.SetCapType, new SetIssuerCapRequest { IssuerOrganisation = "store-1", MonthlyCap = 150 });
        net.Run("admin-1", PointsContract.SetCapType, new SetIssuerCapRequest { IssuerOrganisation = "community-1", MonthlyCap = 150 }).ShouldSucceed();
        net.Run("community-1", PointsContract.AwardType, Payloads.Award(Resident, 50)).ShouldSucceed();
        net.Refused(ErrorCode.ResourceExhausted, "community-1", PointsContract.AwardType, Payloads.Award(Resident, 1));
        net.NextBlock(31 * Scenario.Day);
        Assert.NotEqual(Periods.Month(TestNetwork.Start), Periods.Month(net.TimeMs));
        net.Run("community-1", PointsContract.AwardType, Payloads.Award(Resident, 150)).ShouldSucceed();
        Assert.Equal(150UL, PointsQueries.IssuedInMonth(net.State, "community-1", net.TimeMs));
    }

    public static TheoryData<string, string, ErrorCode> Redemptions => new()
    {
        { "store redeems", "store-1", ErrorCode.None },
        { "community redeems", "community-1", ErrorCode.PermissionDenied },
        { "other store submits", "store-2", ErrorCode.PermissionDenied },
        { "forged signature", "store-1", ErrorCode.PermissionDenied },
        { "signed for more", "store-1", ErrorCode.PermissionDenied },
        { "signed for another chain", "store-1", ErrorCode.PermissionDenied },
        { "bad public key", "store-1", ErrorCode.InvalidArgument },
        { "zero amount", "store-1", ErrorCode.InvalidArgument },
        { "bad redemption id", "store-1", ErrorCode.InvalidArgument },
        { "authorisation expired", "store-1", ErrorCode.FailedPrecondition },
        { "insufficient balance", "store-1", ErrorCode.FailedPrecondition },
        { "no account", "store-1", ErrorCode.FailedPrecondition },
        { "replayed", "store-1", ErrorCode.AlreadyExists },
    };

    [Theory, MemberData(nameof(Redemptions))]
    public void Redeem(string name, string actor, ErrorCode expected)
    {
        var net = new TestNetwork();
        net.Run("community-1", PointsContract.AwardType, Payloads.Award(Resident, 100)).ShouldSucceed();
        var request = Payloads.Redeem(net, Resident, "store-1", 40, "r-1");
        switch (name)
        {
            case "forged signature": request = Payloads.Redeem(net, "resident-2", "store-1", 40, "r-1"); request.ResidentPublicKey = Payloads.PublicKey(Resident); break;
            case "signed for more": request.Amount = 41; break;
            case "signed for another chain":
                request = RedemptionAuthorisation.Sign(TestNetwork.Suite, "other-chain", TestNetwork.KeyOf(Resident), "store-1", 40, "r-1", net.TimeMs + 1000);
                break;
            case "bad public key": request.ResidentPublicKey = ByteString.CopyFrom(new byte[33]); break;
            case "zero amount": request = Payloads.Redeem(net, Resident, "store-1", 0, "r-1"); break;
            case "bad redemption id": request = Payloads.Redeem(net, Resident, "store-1", 40, "r 1"); break;
            case "authorisation expired": net.NextBlock(60_001); break;
            case "insufficient balance": request = Payloads.Redeem(net, Resident, "store-1", 101, "r-1"); break;
            case "no account": request = Payloads.Redeem(net, "resident-2", "store-1", 1, "r-1"); break;
            case "replayed": net.Run(actor, PointsContract.RedeemType, request).ShouldSucceed(); break;
        }
        if (expected != ErrorCode.None)
        {
            net.Refused(expected, actor, PointsContract.RedeemType, request);
            return;
        }
        Assert.Equal(60UL, net.Run(actor, PointsContract.RedeemType, request).ShouldSucceed().Output!.Value);
        var resident = TestNetwork.AddressOf(Resident);
        Assert.Equal("store-1", PointsQueries.Redemption(net.State, resident, "r-1")!.StoreOrganisation);
        Assert.Equal(new PointsTotals { Redeemed = 40, Redemptions = 1 }, PointsQueries.StoreTotals(net.State, "store-1"));
        Assert.Equal([PointsEntryKind.Award, PointsEntryKind.Redeem], PointsQueries.History(net.State, resident).Select(e => e.Kind));
    }

    [Fact]
    public void Points_expire_first_in_first_out_by_block_time()
    {
        var net = new TestNetwork();
        var resident = TestNetwork.AddressOf(Resident);
        net.Run("community-1", PointsContract.AwardType, Payloads.Award(Resident, 30, expiresAtMs: net.TimeMs + 10_000)).ShouldSucceed();
        net.Run("community-1", PointsContract.AwardType, Payloads.Award(Resident, 50)).ShouldSucceed();
        net.Run("community-1", PointsContract.AwardType, Payloads.Award(Resident, 20, expiresAtMs: net.TimeMs + 5_000)).ShouldSucceed();
        net.Run("store-1", PointsContract.RedeemType, Payloads.Redeem(net, Resident, "store-1", 25, "r-1")).ShouldSucceed();
        // the 20 expiring first went first, then 5 of the 30
        Assert.Equal([25UL, 50UL], PointsQueries.Account(net.State, resident)!.Lots.Select(l => l.Remaining));

        net.NextBlock(10_000);
        Assert.Equal(50UL, PointsQueries.Balance(net.State, resident, net.TimeMs));
        Assert.Equal(75UL, PointsQueries.Account(net.State, resident)!.Balance); // not booked yet
        net.Refused(ErrorCode.PermissionDenied, "dept-a", PointsContract.ExpireType, new ExpirePointsRequest { Resident = Payloads.Address(Resident) });
        Assert.Equal(25UL, net.Run("store-1", PointsContract.ExpireType, new ExpirePointsRequest { Resident = Payloads.Address(Resident) }).ShouldSucceed().Output!.Value);
        net.Refused(ErrorCode.FailedPrecondition, "community-1", PointsContract.ExpireType, new ExpirePointsRequest { Resident = Payloads.Address(Resident) });
        net.Refused(ErrorCode.NotFound, "community-1", PointsContract.ExpireType, new ExpirePointsRequest { Resident = Payloads.Address("resident-9") });
        net.Refused(ErrorCode.FailedPrecondition, "store-1", PointsContract.RedeemType, Payloads.Redeem(net, Resident, "store-1", 51, "r-2"));

        var account = PointsQueries.Account(net.State, resident)!;
        Assert.Equal((50UL, 100UL, 25UL, 25UL), (account.Balance, account.Awarded, account.Redeemed, account.Expired));
        Assert.Equal(new PointsTotals { Awarded = 100, Redeemed = 25, Expired = 25, Awards = 3, Redemptions = 1 }, PointsQueries.NetworkTotals(net.State));
        Assert.Equal(new PointsTotals { Awarded = 100, Redeemed = 25, Expired = 25, Awards = 3 }, PointsQueries.IssuerTotals(net.State, "community-1"));
    }

    [Fact]
    public void Default_validity_applies_when_an_award_names_no_expiry()
    {
        var net = new TestNetwork(points: new PointsOptions(DefaultValidityMs: 1_000));
        net.Run("community-1", PointsContract.AwardType, Payloads.Award(Resident, 10)).ShouldSucceed();
        net.NextBlock(1_000);
        // Awarding books the expired lot first.
        net.Run("community-1", PointsContract.AwardType, Payloads.Award(Resident, 5)).ShouldSucceed();
        var account = PointsQueries.Account(net.State, TestNetwork.AddressOf(Resident))!;
        Assert.Equal((5UL, 10UL), (account.Balance, account.Expired));
        Assert.Equal([PointsEntryKind.Award, PointsEntryKind.Expire, PointsEntryKind.Award], PointsQueries.History(net.State, TestNetwork.AddressOf(Resident)).Select(e => e.Kind));
    }
}
