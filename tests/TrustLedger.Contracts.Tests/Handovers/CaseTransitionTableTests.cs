using Google.Protobuf;
using TrustLedger.Contracts.Handovers;
using TrustLedger.Contracts.Messages;
using TrustLedger.Contracts.Tests.Support;
using TrustLedger.Protocol.Ledger;
using Xunit;

namespace TrustLedger.Contracts.Tests.Handovers;

/// <summary>
/// Every case action from every case state by every kind of actor: the hub, a grid organisation, the assigned
/// department (dept-a), another department (dept-b) and a community organisation. Escalation is tried past the deadline.
/// </summary>
public sealed class CaseTransitionTableTests
{
    private static readonly CaseState[] States =
        [CaseState.Reported, CaseState.HandedOver, CaseState.Accepted, CaseState.Handled, CaseState.Closed, CaseState.Returned, CaseState.Dismissed];
    private static readonly string[] Actors = ["hub", "grid-1", "dept-a", "dept-b", "community-1"];

    /// <summary>The specification: who may act, from which states, and the state it leads to.</summary>
    private static readonly Dictionary<string, (bool ByHub, CaseState[] From, CaseState To)> Spec = new()
    {
        [HandoverContract.HandOverType] = (true, [CaseState.Reported, CaseState.Returned], CaseState.HandedOver),
        [HandoverContract.AcceptType] = (false, [CaseState.HandedOver], CaseState.Accepted),
        [HandoverContract.ReturnType] = (false, [CaseState.HandedOver, CaseState.Accepted], CaseState.Returned),
        [HandoverContract.RecordHandlingType] = (false, [CaseState.Accepted], CaseState.Handled),
        [HandoverContract.CloseType] = (true, [CaseState.Handled], CaseState.Closed),
        [HandoverContract.SendBackType] = (true, [CaseState.Handled], CaseState.Accepted),
        [HandoverContract.ReassignType] = (true, [CaseState.HandedOver, CaseState.Accepted], CaseState.HandedOver),
        [HandoverContract.EscalateType] = (true, [CaseState.HandedOver, CaseState.Accepted], CaseState.Unspecified),
        [HandoverContract.DismissType] = (true, [CaseState.Reported, CaseState.Returned], CaseState.Dismissed),
    };

    public static TheoryData<CaseState, string, string, ErrorCode> Table()
    {
        var data = new TheoryData<CaseState, string, string, ErrorCode>();
        foreach (var state in States)
            foreach (var action in Spec.Keys.Order(StringComparer.Ordinal))
                foreach (var actor in Actors)
                    data.Add(state, action, actor, Expected(state, action, actor));
        return data;
    }

    private static ErrorCode Expected(CaseState state, string action, string actor)
    {
        var (byHub, from, _) = Spec[action];
        var roleHeld = byHub ? actor == "hub" : actor.StartsWith("dept-", StringComparison.Ordinal);
        if (!roleHeld) return ErrorCode.PermissionDenied;
        if (!from.Contains(state)) return ErrorCode.FailedPrecondition;
        if (!byHub && actor != Scenario.Owner) return ErrorCode.PermissionDenied;
        return ErrorCode.None;
    }

    private static IMessage Payload(TestNetwork net, string action, string caseId) => action switch
    {
        HandoverContract.HandOverType => new HandOverCaseRequest { CaseId = caseId, Department = "dept-a", DeadlineMs = net.TimeMs + Scenario.Day },
        HandoverContract.AcceptType => new AcceptCaseRequest { CaseId = caseId },
        HandoverContract.ReturnType => new ReturnCaseRequest { CaseId = caseId, Reason = "belongs to another department" },
        HandoverContract.RecordHandlingType => Scenario.Handling(caseId),
        HandoverContract.CloseType => new CloseCaseRequest { CaseId = caseId, Satisfaction = 4 },
        HandoverContract.SendBackType => new SendBackCaseRequest { CaseId = caseId, Reason = "photo missing" },
        HandoverContract.ReassignType => new ReassignCaseRequest { CaseId = caseId, Department = "dept-b", DeadlineMs = net.TimeMs + Scenario.Day, Reason = "competence" },
        HandoverContract.EscalateType => new EscalateCaseRequest { CaseId = caseId, Reason = "overdue" },
        HandoverContract.DismissType => new DismissCaseRequest { CaseId = caseId, Reason = "duplicate report" },
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    [Theory, MemberData(nameof(Table))]
    public void Transition(CaseState state, string action, string actor, ErrorCode expected)
    {
        var net = new TestNetwork();
        var caseId = Scenario.CaseIn(net, state);
        net.NextBlock(2 * Scenario.Day); // past any deadline, so escalation is possible where the state allows it

        if (expected != ErrorCode.None)
        {
            net.Refused(expected, actor, action, Payload(net, action, caseId));
            return;
        }
        var historyBefore = HandoverState.GetCase(net.State, caseId)!.HistoryCount;
        net.Run(actor, action, Payload(net, action, caseId)).ShouldSucceed();
        var c = HandoverState.GetCase(net.State, caseId)!;
        var to = Spec[action].To == CaseState.Unspecified ? state : Spec[action].To;
        Assert.Equal(to, c.State);
        Assert.Equal(historyBefore + 1, c.HistoryCount);
        var last = HandoverQueries.History(net.State, caseId).Last();
        Assert.Equal(action, last.Action);
        Assert.Equal(state, last.FromState);
        Assert.Equal(to, last.ToState);
        Assert.Equal(actor, last.ActorOrganisation);
        Assert.Equal(ByteString.CopyFrom(TestNetwork.AddressOf(actor).Bytes), last.Actor);
        Assert.Equal(net.TimeMs, last.BlockTimeMs);
        AssertStateCountersMatch(net);
    }

    /// <summary>The per-state counters always equal the number of cases in each state.</summary>
    internal static void AssertStateCountersMatch(TestNetwork net)
    {
        var cases = HandoverState.All.Read(net.State, IndexEntry.Parser).Select(e => HandoverState.GetCase(net.State, e.Id)!).ToList();
        foreach (var (state, count) in HandoverQueries.CasesPerState(net.State))
            Assert.Equal((ulong)cases.Count(c => c.State == state), count);
    }
}
