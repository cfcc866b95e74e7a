using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Grants;
using TrustLedger.Contracts.Handovers;
using TrustLedger.Contracts.Messages;
using TrustLedger.Contracts.Points;
using TrustLedger.Contracts.Tests.Support;

namespace TrustLedger.Contracts.Tests.Properties;

/// <summary>One generated step: a kind and three numbers that pick actors, objects and amounts.</summary>
public readonly record struct Op(int Kind, int A, int B, int C)
{
    public override string ToString() => $"{Workload.KindNames[Kind % Workload.KindNames.Length]}({A},{B},{C})";
}

/// <summary>
/// Interprets generated steps against a <see cref="TestNetwork"/> across all four contracts. Steps refer to earlier
/// objects by index, pick sometimes the right actor and sometimes any organisation, so both accepted and refused
/// transactions occur. Only the outcome of the contracts decides what exists.
/// </summary>
public sealed class Workload(TestNetwork net)
{
    public static readonly string[] KindNames =
    [
        "block", "register", "request", "approve", "deny", "revoke", "access", "purge", "report", "hand_over", "accept", "return",
        "handle", "close", "send_back", "reassign", "escalate", "dismiss", "award", "redeem", "expire", "propose", "vote", "set_cap",
    ];

    public static readonly string[] Departments = ["dept-a", "dept-b", "dept-c"];
    public static readonly string[] Residents = ["resident-1", "resident-2", "resident-3", "resident-4"];
    private static readonly string[] Stores = ["store-1", "store-2"];
    private static readonly string[] Admins = ["admin-1", "admin-2", "admin-3"];
    private static readonly string[] AllOrganisations = [.. TestNetwork.DefaultOrganisations.Select(o => o.Id)];

    private readonly List<string> _datasets = [];
    private readonly List<(string Id, string Requester)> _grants = [];
    private readonly List<string> _cases = [];
    private readonly List<string> _proposals = [];

    public TestNetwork Network => net;
    public int Succeeded { get; private set; }
    public int Refused { get; private set; }

    /// <summary>One digest of the full state per block: what a replay must reproduce at every height.</summary>
    public List<string> BlockDumps { get; } = [];

    public void Run(IEnumerable<Op> ops)
    {
        foreach (var op in ops) Apply(op);
        BlockDumps.Add(net.State.Dump());
    }

    public TxOutcome? Apply(Op op)
    {
        var (a, b, c) = (Math.Abs(op.A), Math.Abs(op.B), Math.Abs(op.C));
        string Pick(string[] from, int i) => from[i % from.Length];
        string Actor(string right) => c % 7 == 0 ? Pick(AllOrganisations, a + b) : right;
        // Mostly one of the latest few objects, so that steps meet objects in every state.
        T? Item<T>(List<T> list, int i) => list.Count == 0 ? default
            : list[i % 8 == 0 ? i % list.Count : list.Count - 1 - i % Math.Min(list.Count, 3)];
        var grant = Item(_grants, b);
        var caseId = Item(_cases, b);
        var assignee = caseId is null ? "dept-a" : HandoverState.GetCase(net.State, caseId)!.AssigneeOrganisation;
        if (assignee.Length == 0) assignee = "dept-a";

        TxOutcome? outcome = (op.Kind % KindNames.Length) switch
        {
            0 => Block(a),
            1 => Created(_datasets, net.Run(Actor(Pick(Departments, a)), DataSharingContract.RegisterDatasetType, Payloads.Dataset($"dataset {a}"))),
            2 => Item(_datasets, b) is { } ds ? Requested(Actor(Pick(Departments, a)), ds) : null,
            3 => grant.Id is null ? null : net.Run(Actor(OwnerOf(grant.Id)), DataSharingContract.ApproveType,
                new ApproveAccessRequest { GrantId = grant.Id, DurationMs = (c % 4) * 3_000, MaxUses = (ulong)(c % 3) }),
            4 => grant.Id is null ? null : net.Run(Actor(OwnerOf(grant.Id)), DataSharingContract.DenyType, new DenyAccessRequest { GrantId = grant.Id, Reason = "no" }),
            5 => grant.Id is null ? null : net.Run(Actor(OwnerOf(grant.Id)), DataSharingContract.RevokeType, new RevokeGrantRequest { GrantId = grant.Id, Reason = "done" }),
            6 => grant.Id is null ? null : net.Run(Actor(OwnerOf(grant.Id)), DataSharingContract.RecordAccessType, Scenario.Access(grant.Id, $"r{c % 5}", grant.Requester)),
            7 => Item(_datasets, b) is { } pd ? net.Run(Actor(DataSharingState.GetDataset(net.State, pd)!.OwnerOrganisation), DataSharingContract.PurgeType,
                new PurgeRecordRequest { DatasetId = pd, RecordKeyHash = Payloads.Hash($"salt|r{c % 5}") }) : null,
            8 => Created(_cases, net.Run(Actor(a % 2 == 0 ? "hub" : "grid-1"), HandoverContract.ReportType, Payloads.Report($"cat.{a % 3}"))),
            9 => caseId is null ? null : net.Run(Actor("hub"), HandoverContract.HandOverType,
                new HandOverCaseRequest { CaseId = caseId, Department = Pick(Departments, a), DeadlineMs = net.TimeMs + 1_000 + c % 5 * 1_000 }),
            10 => caseId is null ? null : net.Run(Actor(assignee), HandoverContract.AcceptType, new AcceptCaseRequest { CaseId = caseId }),
            11 => caseId is null ? null : net.Run(Actor(assignee), HandoverContract.ReturnType, new ReturnCaseRequest { CaseId = caseId, Reason = "not ours" }),
            12 => caseId is null ? null : net.Run(Actor(assignee), HandoverContract.RecordHandlingType, Scenario.Handling(caseId)),
            13 => caseId is null ? null : net.Run(Actor("hub"), HandoverContract.CloseType, new CloseCaseRequest { CaseId = caseId, Satisfaction = (uint)(c % 5 + 1) }),
            14 => caseId is null ? null : net.Run(Actor("hub"), HandoverContract.SendBackType, new SendBackCaseRequest { CaseId = caseId, Reason = "again" }),
            15 => caseId is null ? null : net.Run(Actor("hub"), HandoverContract.ReassignType,
                new ReassignCaseRequest { CaseId = caseId, Department = Pick(Departments, a), DeadlineMs = net.TimeMs + 2_000, Reason = "move" }),
            16 => caseId is null ? null : net.Run(Actor("hub"), HandoverContract.EscalateType, new EscalateCaseRequest { CaseId = caseId, Reason = "late" }),
            17 => caseId is null ? null : net.Run(Actor("hub"), HandoverContract.DismissType, new DismissCaseRequest { CaseId = caseId, Reason = "dup" }),
            18 => net.Run(Actor("community-1"), PointsContract.AwardType,
                Payloads.Award(Pick(Residents, a), (ulong)(c % 200 + 1), b % 3 == 0 ? net.TimeMs + 1_000 + b % 7 * 1_000 : 0)),
            19 => net.Run(Actor(Pick(Stores, b)), PointsContract.RedeemType, Payloads.Redeem(net, Pick(Residents, a), Pick(Stores, b), (ulong)(c % 150 + 1), $"r-{c % 20}")),
            20 => net.Run(Actor(Pick(["community-1", "store-1", "admin-1"], b)), PointsContract.ExpireType, new ExpirePointsRequest { Resident = Payloads.Address(Pick(Residents, a)) }),
            21 => Created(_proposals, net.Run(Actor(Pick(Admins, a)), GovernanceContract.ProposeType, Payloads.Propose(Proposal(a, b, c)))),
            22 => Item(_proposals, b) is { } p ? net.Run(Actor(Pick(Admins, a)), c % 2 == 0 ? GovernanceContract.ApproveType : GovernanceContract.RejectType,
                c % 2 == 0 ? new ApproveProposalRequest { ProposalId = p } : new RejectProposalRequest { ProposalId = p, Reason = "no" }) : null,
            _ => net.Run(Actor("admin-2"), PointsContract.SetCapType, new SetIssuerCapRequest { IssuerOrganisation = "community-1", MonthlyCap = (ulong)(c % 3 * 500 + 300) }),
        };
        if (outcome is not null)
        {
            if (outcome.Success) Succeeded++;
            else Refused++;
        }
        return outcome;
    }

    private TxOutcome? Block(int a)
    {
        BlockDumps.Add(net.State.Dump());
        net.NextBlock(1_000 + a % 4 * 2_000);
        return null;
    }

    private string OwnerOf(string grantId) => DataSharingState.GetGrant(net.State, grantId)!.OwnerOrganisation;

    private TxOutcome Requested(string actor, string datasetId)
    {
        var outcome = net.Run(actor, DataSharingContract.RequestType, Payloads.Request(datasetId, 10_000));
        if (outcome.Success) _grants.Add((outcome.CreatedId, actor));
        return outcome;
    }

    private static TxOutcome Created(List<string> into, TxOutcome outcome)
    {
        if (outcome.Success) into.Add(outcome.CreatedId);
        return outcome;
    }

    private ProposalAction Proposal(int a, int b, int c) => (c % 4) switch
    {
        0 => new ProposalAction { AddKey = new AddKey { Organisation = Pick(Departments, a), PublicKey = Payloads.PublicKey(Pick(Departments, a), 1 + b % 3) } },
        1 => new ProposalAction { SetRoles = new SetRoles { Organisation = Pick(Departments, a), Roles = { "department", b % 2 == 0 ? "hub" : "community" } } },
        2 => new ProposalAction { SetValidators = new SetValidators { EffectiveHeight = net.Height + 2 + (ulong)(b % 5), Validators = { new ValidatorInfo { Organisation = "validators", PublicKey = Payloads.PublicKey("v", b % 4) } } } },
        _ => new ProposalAction { SetAdminThreshold = new SetAdminThreshold { Threshold = (uint)(b % 4) } },
    };

    private static string Pick(string[] from, int i) => from[i % from.Length];
}
