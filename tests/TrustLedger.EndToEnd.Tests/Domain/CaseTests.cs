using Grpc.Core;
using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Messages;
using TrustLedger.EndToEnd.Tests.Support;
using TrustLedger.Protocol.Crypto;
using Xunit;

namespace TrustLedger.EndToEnd.Tests.Domain;

/// <summary>Event handovers through the SDK against a real node: 交办 → 签收 → 处置 → 办结, queues, history, statistics.</summary>
[Collection(DomainCollection.Name)]
public sealed class CaseTests(NodeFixture fixture)
{
    private static byte[] Sha256(string text) => DigestHashFunction.Sha256.Hash(System.Text.Encoding.UTF8.GetBytes(text)).ToArray();

    [Fact]
    public async Task Hub_hands_over_department_accepts_and_handles_hub_closes_with_a_rating()
    {
        using var net = new DomainNetwork(fixture);
        var hub = await net.AddAsync("hub", Roles.Hub);
        var police = await net.AddAsync("psb", Roles.Department);

        var reported = await hub.Client.Cases.ReportAsync("public-order", "grid-330402-017", Sha256("noise complaint, night market"), Severity.Medium, "hotline-8812");
        Assert.Equal("reported", reported.Status);
        var caseId = reported.Id;
        Assert.Contains(await hub.Client.Cases.GetHubQueueAsync(), c => c.Id == caseId);

        var deadline = DateTimeOffset.UtcNow.AddDays(2);
        await hub.Client.Cases.HandOverAsync(caseId, police.Id, deadline, "please handle tonight");
        Assert.Equal(caseId, Assert.Single(await police.Client.Cases.GetInboxAsync(police.Id)).Id);
        Assert.DoesNotContain(await hub.Client.Cases.GetHubQueueAsync(), c => c.Id == caseId);

        await police.Client.Cases.AcceptAsync(caseId);
        await police.Client.Cases.RecordHandlingAsync(caseId, "vendors moved, warning issued", Sha256("photo evidence"));
        var closed = await hub.Client.Cases.CloseAsync(caseId, satisfaction: 5);
        Assert.Equal("closed", closed.Status);

        var c = (await hub.Client.Cases.GetCaseAsync(caseId))!;
        Assert.Equal(CaseState.Closed, c.State);
        Assert.True(c.HandledOnTime);
        Assert.Equal(5U, c.Satisfaction);
        Assert.Empty(await police.Client.Cases.GetInboxAsync(police.Id));

        var history = await hub.Client.Cases.GetHistoryAsync(caseId);
        Assert.Equal(["case.report", "case.hand_over", "case.accept", "case.record_handling", "case.close"], history.Select(e => e.Action));
        Assert.Equal([hub.Id, hub.Id, police.Id, police.Id, hub.Id], history.Select(e => e.ActorOrganisation));
        Assert.Equal(closed.Height, history[^1].Height);

        var statistics = await hub.Client.Cases.GetStatisticsAsync(departments: [police.Id]);
        var department = Assert.Single(statistics.Departments);
        Assert.Equal(police.Id, department.Scope);
        Assert.Equal((1UL, 1UL, 1UL, 1UL), (department.Counters.HandedOver, department.Counters.Accepted, department.Counters.Handled, department.Counters.Closed));
        Assert.Equal(1000UL, department.Rates.ClosurePermille);
        Assert.Equal(1000UL, department.Rates.OnTimePermille);
        Assert.Equal(500UL, department.Rates.AverageSatisfactionCentis);
        Assert.True(statistics.Total.Counters.Closed >= 1);
        Assert.Contains(statistics.PerState, s => s.Name == "closed" && s.Cases >= 1);
        Assert.True(Assert.Single(statistics.Months).Counters.Reported >= 1);
    }

    [Fact]
    public async Task Only_the_assigned_department_accepts_and_only_a_handled_case_closes()
    {
        using var net = new DomainNetwork(fixture);
        var hub = await net.AddAsync("hub", Roles.Hub);
        var police = await net.AddAsync("psb", Roles.Department);
        var civil = await net.AddAsync("civil", Roles.Department);
        var caseId = (await hub.Client.Cases.ReportAsync("sanitation", "grid-330402-020", Sha256("overflowing bins"), Severity.Low)).Id;
        await hub.Client.Cases.HandOverAsync(caseId, police.Id, DateTimeOffset.UtcNow.AddDays(1));

        var denied = await net.AssertRefusedAsync(StatusCode.PermissionDenied,
            () => civil.Client.Cases.AcceptAsync(caseId),
            async () => await hub.Client.Cases.GetCaseAsync(caseId));
        Assert.Contains(police.Id, denied.Reason);
        await net.AssertRefusedAsync(StatusCode.PermissionDenied,
            () => police.Client.Cases.CloseAsync(caseId, 3),
            async () => await hub.Client.Cases.GetHistoryAsync(caseId));
        await net.AssertRefusedAsync(StatusCode.FailedPrecondition,
            () => hub.Client.Cases.CloseAsync(caseId, 3),
            async () => await hub.Client.Cases.GetCaseAsync(caseId));

        Assert.Equal(CaseState.HandedOver, (await hub.Client.Cases.GetCaseAsync(caseId))!.State);
        Assert.Equal(caseId, Assert.Single(await police.Client.Cases.GetInboxAsync(police.Id)).Id);
        Assert.Empty(await civil.Client.Cases.GetInboxAsync(civil.Id));
    }
}
