using Google.Protobuf;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Handovers;
using TrustLedger.Contracts.Messages;
using TrustLedger.Contracts.Tests.Support;
using TrustLedger.Protocol.Ledger;
using Xunit;

namespace TrustLedger.Contracts.Tests.Handovers;

public sealed class HandoverTests
{
    public static TheoryData<string, string, ErrorCode> Reports => new()
    {
        { "hub reports", "hub", ErrorCode.None },
        { "grid reports", "grid-1", ErrorCode.None },
        { "department reports", "dept-a", ErrorCode.PermissionDenied },
        { "community reports", "community-1", ErrorCode.PermissionDenied },
        { "no category", "hub", ErrorCode.InvalidArgument },
        { "no location", "hub", ErrorCode.InvalidArgument },
        { "short hash", "hub", ErrorCode.InvalidArgument },
        { "no severity", "hub", ErrorCode.InvalidArgument },
        { "unknown severity", "hub", ErrorCode.InvalidArgument },
    };

    [Theory, MemberData(nameof(Reports))]
    public void Report(string name, string actor, ErrorCode expected)
    {
        var net = new TestNetwork();
        var request = Payloads.Report();
        switch (name)
        {
            case "no category": request.Category = ""; break;
            case "no location": request.LocationRef = ""; break;
            case "short hash": request.DescriptionHash = ByteString.CopyFrom(new byte[16]); break;
            case "no severity": request.Severity = Severity.Unspecified; break;
            case "unknown severity": request.Severity = (Severity)9; break;
        }
        if (expected != ErrorCode.None)
        {
            net.Refused(expected, actor, HandoverContract.ReportType, request);
            return;
        }
        var id = net.Run(actor, HandoverContract.ReportType, request).ShouldSucceed().CreatedId;
        var c = HandoverState.GetCase(net.State, id)!;
        Assert.Equal(CaseState.Reported, c.State);
        Assert.Equal(actor, c.ReporterOrganisation);
        Assert.Equal([id], HandoverQueries.HubQueue(net.State).Select(x => x.Id));
    }

    public static TheoryData<string, ErrorCode> BadHandOvers => new()
    {
        { "deadline now", ErrorCode.InvalidArgument },
        { "deadline too far", ErrorCode.InvalidArgument },
        { "not a department", ErrorCode.FailedPrecondition },
        { "unknown department", ErrorCode.FailedPrecondition },
        { "bad department id", ErrorCode.InvalidArgument },
        { "unknown case", ErrorCode.NotFound },
    };

    [Theory, MemberData(nameof(BadHandOvers))]
    public void Hand_over_refusals(string name, ErrorCode expected)
    {
        var net = new TestNetwork();
        var id = Scenario.CaseIn(net, CaseState.Reported);
        var request = new HandOverCaseRequest { CaseId = id, Department = "dept-a", DeadlineMs = net.TimeMs + Scenario.Day };
        switch (name)
        {
            case "deadline now": request.DeadlineMs = net.TimeMs; break;
            case "deadline too far": request.DeadlineMs = net.TimeMs + HandoverContract.MaxDeadlineMs + 1; break;
            case "not a department": request.Department = "store-1"; break;
            case "unknown department": request.Department = "dept-z"; break;
            case "bad department id": request.Department = "a/b"; break;
            case "unknown case": request.CaseId = new string('c', 64); break;
        }
        net.Refused(expected, "hub", HandoverContract.HandOverType, request);
    }

    [Fact]
    public void Escalation_waits_for_the_deadline_and_reassignment_needs_a_new_department()
    {
        var net = new TestNetwork();
        var id = Scenario.CaseIn(net, CaseState.Accepted);
        var deadline = HandoverState.GetCase(net.State, id)!.DeadlineMs;
        net.NextBlock(deadline - net.TimeMs);
        net.Refused(ErrorCode.FailedPrecondition, "hub", HandoverContract.EscalateType, new EscalateCaseRequest { CaseId = id, Reason = "slow" });
        Assert.Empty(HandoverQueries.Overdue(net.State, "dept-a", net.TimeMs));
        net.NextBlock(1);
        Assert.Equal([id], HandoverQueries.Overdue(net.State, "dept-a", net.TimeMs).Select(c => c.Id));
        net.Run("hub", HandoverContract.EscalateType, new EscalateCaseRequest { CaseId = id, Reason = "slow" }).ShouldSucceed();
        net.Run("hub", HandoverContract.EscalateType, new EscalateCaseRequest { CaseId = id, Reason = "still slow" }).ShouldSucceed();
        Assert.Equal(2u, HandoverState.GetCase(net.State, id)!.EscalationLevel);
        net.Refused(ErrorCode.InvalidArgument, "hub", HandoverContract.EscalateType, new EscalateCaseRequest { CaseId = id });
        net.Refused(ErrorCode.FailedPrecondition, "hub", HandoverContract.ReassignType,
            new ReassignCaseRequest { CaseId = id, Department = "dept-a", DeadlineMs = net.TimeMs + Scenario.Day, Reason = "again" });
        net.Run("hub", HandoverContract.ReassignType,
            new ReassignCaseRequest { CaseId = id, Department = "dept-b", DeadlineMs = net.TimeMs + Scenario.Day, Reason = "competence" }).ShouldSucceed();
        Assert.Empty(HandoverQueries.Inbox(net.State, "dept-a"));
        Assert.Equal([id], HandoverQueries.Inbox(net.State, "dept-b").Select(c => c.Id));
        Assert.Equal(1UL, HandoverQueries.Department(net.State, "dept-a").Reassigned);
        Assert.Equal(2UL, HandoverQueries.Department(net.State, "dept-a").Escalated);
    }

    [Fact]
    public void Close_needs_a_rating_from_one_to_five()
    {
        var net = new TestNetwork();
        var id = Scenario.CaseIn(net, CaseState.Handled);
        net.Refused(ErrorCode.InvalidArgument, "hub", HandoverContract.CloseType, new CloseCaseRequest { CaseId = id, Satisfaction = 0 });
        net.Refused(ErrorCode.InvalidArgument, "hub", HandoverContract.CloseType, new CloseCaseRequest { CaseId = id, Satisfaction = 6 });
        net.Refused(ErrorCode.InvalidArgument, "dept-a", HandoverContract.RecordHandlingType, new RecordHandlingRequest { CaseId = id, Result = "x" });
    }

    [Fact]
    public void A_full_story_is_attributable_and_counted()
    {
        var net = new TestNetwork();
        var onTime = Scenario.CaseIn(net, CaseState.Closed);
        var late = Scenario.CaseIn(net, CaseState.Accepted);
        net.NextBlock(2 * Scenario.Day);
        net.Run("dept-a", HandoverContract.RecordHandlingType, Scenario.Handling(late)).ShouldSucceed();
        net.Run("hub", HandoverContract.SendBackType, new SendBackCaseRequest { CaseId = late, Reason = "photo missing", DeadlineMs = net.TimeMs + Scenario.Day }).ShouldSucceed();
        net.Run("dept-a", HandoverContract.RecordHandlingType, Scenario.Handling(late)).ShouldSucceed();
        net.NextBlock(2 * Scenario.Day);
        net.Run("hub", HandoverContract.CloseType, new CloseCaseRequest { CaseId = late, Satisfaction = 3 }).ShouldSucceed();
        var returned = Scenario.CaseIn(net, CaseState.Returned);
        Scenario.CaseIn(net, CaseState.Dismissed);

        var totals = HandoverQueries.Totals(net.State);
        Assert.Equal(4UL, totals.Reported);
        Assert.Equal(3UL, totals.HandedOver);
        Assert.Equal(2UL, totals.Closed);
        Assert.Equal(2UL, totals.ClosedOnTime);
        Assert.Equal(1UL, totals.Returned);
        Assert.Equal(1UL, totals.SentBack);
        Assert.Equal(1UL, totals.Dismissed);
        Assert.Equal(new CaseRates(500, 1000, 400), HandoverQueries.Rates(totals));

        var dept = HandoverQueries.Department(net.State, "dept-a");
        Assert.Equal(3UL, dept.HandedOver);
        Assert.Equal(3UL, dept.Handled);
        Assert.Equal(new CaseRates(666, 1000, 400), HandoverQueries.Rates(dept, perDepartment: true));
        var startMonth = Periods.Month(TestNetwork.Start);
        Assert.Equal(dept, HandoverQueries.DepartmentMonth(net.State, "dept-a", startMonth));
        Assert.Equal(2UL, HandoverQueries.Day(net.State, Periods.Day(TestNetwork.Start)).Reported);
        Assert.Equal(4UL, HandoverQueries.Month(net.State, startMonth).Reported);
        Assert.Equal([returned], HandoverQueries.HubQueue(net.State).Select(c => c.Id));
        CaseTransitionTableTests.AssertStateCountersMatch(net);

        var history = HandoverQueries.History(net.State, late);
        Assert.Equal(
            [HandoverContract.ReportType, HandoverContract.HandOverType, HandoverContract.AcceptType, HandoverContract.RecordHandlingType,
             HandoverContract.SendBackType, HandoverContract.RecordHandlingType, HandoverContract.CloseType],
            history.Select(e => e.Action));
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (ulong)i), history.Select(e => e.Sequence));
        Assert.False(HandoverState.GetCase(net.State, late)!.Satisfaction == 0);
    }
}
