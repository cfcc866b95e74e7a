using Google.Protobuf;
using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Membership;
using TrustLedger.Contracts.Messages;
using TrustLedger.Contracts.Tests.Support;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Ledger;
using Xunit;

namespace TrustLedger.Contracts.Tests.Governance;

public sealed class GovernanceTests
{
    private static ProposalAction AddOrg(string id = "dept-new", params string[] roles) => new()
    {
        AddOrganisation = new AddOrganisation { Id = id, Name = "New department", Roles = { roles.Length == 0 ? ["department"] : roles }, PublicKeys = { Payloads.PublicKey(id) } },
    };

    /// <summary>Each valid action, the organisation it touches, and a check of its effect once executed.</summary>
    public static TheoryData<string> ActionNames => ["add_org", "remove_org", "add_key", "revoke_key", "rotate_key", "set_roles", "set_validators", "set_threshold"];

    private static (ProposalAction Action, Action<TestNetwork> Effect) ActionNamed(string name, TestNetwork net) => name switch
    {
        "add_org" => (AddOrg(), n =>
        {
            Assert.Equal("dept-new", MembershipState.OrganisationOf(n.State, TestNetwork.AddressOf("dept-new")));
            Assert.Equal(["department"], MembershipState.RolesOf(n.State, "dept-new"));
            Assert.Contains("dept-new", MembershipState.OrganisationIds(n.State));
        }),
        "remove_org" => (new ProposalAction { RemoveOrganisation = new RemoveOrganisation { Id = "dept-c" } }, n =>
        {
            Assert.Null(MembershipState.OrganisationOf(n.State, TestNetwork.AddressOf("dept-c")));
            Assert.Empty(MembershipState.RolesOf(n.State, "dept-c"));
            Assert.Equal(OrganisationStatus.Removed, MembershipState.GetOrganisation(n.State, "dept-c")!.Status);
        }),
        "add_key" => (new ProposalAction { AddKey = new AddKey { Organisation = "dept-a", PublicKey = Payloads.PublicKey("dept-a", 1) } }, n =>
        {
            Assert.Equal("dept-a", MembershipState.OrganisationOf(n.State, TestNetwork.AddressOf("dept-a", 1)));
            Assert.Equal("dept-a", MembershipState.OrganisationOf(n.State, TestNetwork.AddressOf("dept-a")));
        }),
        "revoke_key" => (new ProposalAction { RevokeKey = new RevokeKey { Organisation = "dept-b", Address = Payloads.Address("dept-b") } }, n =>
            Assert.Null(MembershipState.OrganisationOf(n.State, TestNetwork.AddressOf("dept-b")))),
        "rotate_key" => (new ProposalAction { RotateKey = new RotateKey { Organisation = "dept-a", OldAddress = Payloads.Address("dept-a"), NewPublicKey = Payloads.PublicKey("dept-a", 2) } }, n =>
        {
            Assert.Null(MembershipState.OrganisationOf(n.State, TestNetwork.AddressOf("dept-a")));
            Assert.Equal("dept-a", MembershipState.OrganisationOf(n.State, TestNetwork.AddressOf("dept-a", 2)));
        }),
        "set_roles" => (new ProposalAction { SetRoles = new SetRoles { Organisation = "dept-a", Roles = { "hub", "department" } } }, n =>
            Assert.Equal(["department", "hub"], MembershipState.RolesOf(n.State, "dept-a"))),
        "set_validators" => (new ProposalAction
        {
            SetValidators = new SetValidators { EffectiveHeight = net.Height + 10, Validators = { new ValidatorInfo { Organisation = "validators", PublicKey = Payloads.PublicKey("validator-node-2"), Endpoint = "https://v2:7443" } } },
        }, n =>
        {
            var at = n.Height + 9;
            Assert.Equal(1UL, MembershipState.ValidatorsAt(n.State, n.Height)!.EffectiveHeight);
            Assert.Equal(at, MembershipState.ValidatorsAt(n.State, at)!.EffectiveHeight);
            Assert.Equal(Payloads.PublicKey("validator-node-2"), MembershipState.ValidatorsAt(n.State, at + 5)!.Validators.Single().PublicKey);
        }),
        "set_threshold" => (new ProposalAction { SetAdminThreshold = new SetAdminThreshold { Threshold = 3 } }, n =>
            Assert.Equal(3, MembershipState.AdminThreshold(n.State))),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory, MemberData(nameof(ActionNames))]
    public void Action_takes_effect_only_at_the_threshold(string name)
    {
        var net = new TestNetwork();
        if (name == "revoke_key") // an organisation keeps at least one key
            Execute(net, new ProposalAction { AddKey = new AddKey { Organisation = "dept-b", PublicKey = Payloads.PublicKey("dept-b", 1) } });
        var (action, effect) = ActionNamed(name, net);
        var membership = net.State.Dump("m/") + net.State.Dump("g/config");
        var proposed = net.Run("admin-1", GovernanceContract.ProposeType, Payloads.Propose(action)).ShouldSucceed();
        Assert.Equal("open", proposed.Output!.Status);
        Assert.Equal(membership, net.State.Dump("m/") + net.State.Dump("g/config"));

        net.NextBlock();
        var approved = net.Run("admin-2", GovernanceContract.ApproveType, new ApproveProposalRequest { ProposalId = proposed.CreatedId }).ShouldSucceed();
        Assert.Equal("executed", approved.Output!.Status);
        effect(net);
        var proposal = GovernanceState.GetProposal(net.State, proposed.CreatedId)!;
        Assert.Equal(ProposalStatus.Executed, proposal.Status);
        Assert.Equal(2u, proposal.ThresholdAtClose);
        Assert.Empty(GovernanceState.OpenProposals(net.State, net.TimeMs));
    }

    [Theory, MemberData(nameof(ActionNames))]
    public void Only_admins_may_propose(string name)
    {
        var net = new TestNetwork();
        foreach (var org in new[] { "hub", "dept-a", "community-1", "store-1", "auditor", "validators", "grid-1" })
            net.Refused(ErrorCode.PermissionDenied, org, GovernanceContract.ProposeType, Payloads.Propose(ActionNamed(name, net).Action));
    }

    public static TheoryData<string, ErrorCode> InvalidProposals => new()
    {
        { "no action", ErrorCode.InvalidArgument },
        { "bad org id", ErrorCode.InvalidArgument },
        { "existing org", ErrorCode.AlreadyExists },
        { "unknown role", ErrorCode.InvalidArgument },
        { "no roles", ErrorCode.InvalidArgument },
        { "duplicate role", ErrorCode.InvalidArgument },
        { "no keys", ErrorCode.InvalidArgument },
        { "bad key", ErrorCode.InvalidArgument },
        { "key of another org", ErrorCode.AlreadyExists },
        { "remove unknown org", ErrorCode.NotFound },
        { "remove validator org", ErrorCode.FailedPrecondition },
        { "revoke key not held", ErrorCode.NotFound },
        { "revoke last key", ErrorCode.FailedPrecondition },
        { "rotate to used key", ErrorCode.AlreadyExists },
        { "drop validator role", ErrorCode.FailedPrecondition },
        { "validators in the past", ErrorCode.InvalidArgument },
        { "validators from the next block", ErrorCode.InvalidArgument },
        { "validator without role", ErrorCode.FailedPrecondition },
        { "empty validator set", ErrorCode.InvalidArgument },
        { "threshold above admins", ErrorCode.InvalidArgument },
        { "deadline in the past", ErrorCode.InvalidArgument },
    };

    [Theory, MemberData(nameof(InvalidProposals))]
    public void Invalid_proposals_are_refused(string name, ErrorCode expected)
    {
        var net = new TestNetwork();
        var request = name switch
        {
            "no action" => new ProposeRequest(),
            "bad org id" => Payloads.Propose(AddOrg("Bad/Id")),
            "existing org" => Payloads.Propose(AddOrg("dept-a")),
            "unknown role" => Payloads.Propose(AddOrg("x", "mayor")),
            "no roles" => Payloads.Propose(new ProposalAction { AddOrganisation = new AddOrganisation { Id = "x", PublicKeys = { Payloads.PublicKey("x") } } }),
            "duplicate role" => Payloads.Propose(AddOrg("x", "hub", "hub")),
            "no keys" => Payloads.Propose(new ProposalAction { AddOrganisation = new AddOrganisation { Id = "x", Roles = { "hub" } } }),
            "bad key" => Payloads.Propose(new ProposalAction { AddKey = new AddKey { Organisation = "dept-a", PublicKey = ByteString.CopyFrom(new byte[65]) } }),
            "key of another org" => Payloads.Propose(new ProposalAction { AddKey = new AddKey { Organisation = "dept-a", PublicKey = Payloads.PublicKey("dept-b") } }),
            "remove unknown org" => Payloads.Propose(new ProposalAction { RemoveOrganisation = new RemoveOrganisation { Id = "nobody" } }),
            "remove validator org" => Payloads.Propose(new ProposalAction { RemoveOrganisation = new RemoveOrganisation { Id = net.Genesis.Validators[0].Organisation } }),
            "revoke key not held" => Payloads.Propose(new ProposalAction { RevokeKey = new RevokeKey { Organisation = "dept-a", Address = Payloads.Address("dept-b") } }),
            "revoke last key" => Payloads.Propose(new ProposalAction { RevokeKey = new RevokeKey { Organisation = "dept-a", Address = Payloads.Address("dept-a") } }),
            "rotate to used key" => Payloads.Propose(new ProposalAction { RotateKey = new RotateKey { Organisation = "dept-a", OldAddress = Payloads.Address("dept-a"), NewPublicKey = Payloads.PublicKey("hub") } }),
            "drop validator role" => Payloads.Propose(new ProposalAction { SetRoles = new SetRoles { Organisation = "validators", Roles = { "auditor" } } }),
            "validators in the past" => Payloads.Propose(new ProposalAction { SetValidators = new SetValidators { EffectiveHeight = net.Height, Validators = { new ValidatorInfo { Organisation = "validators", PublicKey = Payloads.PublicKey("v") } } } }),
            "validators from the next block" => Payloads.Propose(new ProposalAction { SetValidators = new SetValidators { EffectiveHeight = net.Height + 1, Validators = { new ValidatorInfo { Organisation = "validators", PublicKey = Payloads.PublicKey("v") } } } }),
            "validator without role" => Payloads.Propose(new ProposalAction { SetValidators = new SetValidators { EffectiveHeight = net.Height + 5, Validators = { new ValidatorInfo { Organisation = "dept-a", PublicKey = Payloads.PublicKey("v") } } } }),
            "empty validator set" => Payloads.Propose(new ProposalAction { SetValidators = new SetValidators { EffectiveHeight = net.Height + 5 } }),
            "threshold above admins" => Payloads.Propose(new ProposalAction { SetAdminThreshold = new SetAdminThreshold { Threshold = 4 } }),
            "deadline in the past" => new ProposeRequest { Action = AddOrg(), DeadlineMs = net.TimeMs - 1 },
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        net.Refused(expected, "admin-1", GovernanceContract.ProposeType, request);
    }

    [Fact]
    public void Votes_are_refused_when_not_open_or_repeated()
    {
        var net = new TestNetwork();
        var id = net.Run("admin-1", GovernanceContract.ProposeType, Payloads.Propose(AddOrg())).ShouldSucceed().CreatedId;

        net.Refused(ErrorCode.AlreadyExists, "admin-1", GovernanceContract.ApproveType, new ApproveProposalRequest { ProposalId = id });
        net.Refused(ErrorCode.PermissionDenied, "dept-a", GovernanceContract.ApproveType, new ApproveProposalRequest { ProposalId = id });
        net.Refused(ErrorCode.PermissionDenied, "hub", GovernanceContract.RejectType, new RejectProposalRequest { ProposalId = id, Reason = "no" });
        net.Refused(ErrorCode.NotFound, "admin-2", GovernanceContract.ApproveType, new ApproveProposalRequest { ProposalId = new string('a', 64) });
        net.Refused(ErrorCode.InvalidArgument, "admin-2", GovernanceContract.ApproveType, new ApproveProposalRequest { ProposalId = "nonsense" });
        net.Refused(ErrorCode.InvalidArgument, "admin-2", GovernanceContract.RejectType, new RejectProposalRequest { ProposalId = id });
        net.Refused(ErrorCode.PermissionDenied, "admin-2", GovernanceContract.WithdrawType, new WithdrawProposalRequest { ProposalId = id });

        net.Run("admin-2", GovernanceContract.ApproveType, new ApproveProposalRequest { ProposalId = "0x" + id.ToUpperInvariant() }).ShouldSucceed();
        net.Refused(ErrorCode.FailedPrecondition, "admin-3", GovernanceContract.ApproveType, new ApproveProposalRequest { ProposalId = id });
        net.Refused(ErrorCode.FailedPrecondition, "admin-1", GovernanceContract.WithdrawType, new WithdrawProposalRequest { ProposalId = id });
    }

    [Fact]
    public void A_blocking_minority_rejects_and_a_proposer_withdraws()
    {
        var net = new TestNetwork();
        var rejected = net.Run("admin-1", GovernanceContract.ProposeType, Payloads.Propose(AddOrg("x1"))).ShouldSucceed().CreatedId;
        Assert.Equal("open", net.Run("admin-2", GovernanceContract.RejectType, new RejectProposalRequest { ProposalId = rejected, Reason = "unknown party" }).ShouldSucceed().Output!.Status);
        Assert.Equal("rejected", net.Run("admin-3", GovernanceContract.RejectType, new RejectProposalRequest { ProposalId = rejected, Reason = "agree" }).ShouldSucceed().Output!.Status);
        Assert.Null(MembershipState.GetOrganisation(net.State, "x1"));

        var withdrawn = net.Run("admin-1", GovernanceContract.ProposeType, Payloads.Propose(AddOrg("x2"))).ShouldSucceed().CreatedId;
        Assert.Equal("withdrawn", net.Run("admin-1", GovernanceContract.WithdrawType, new WithdrawProposalRequest { ProposalId = withdrawn }).ShouldSucceed().Output!.Status);
        net.Refused(ErrorCode.FailedPrecondition, "admin-2", GovernanceContract.ApproveType, new ApproveProposalRequest { ProposalId = withdrawn });
        Assert.Empty(GovernanceState.OpenProposals(net.State, net.TimeMs));
        Assert.Equal(2, GovernanceState.Proposals(net.State).Count);
    }

    [Fact]
    public void An_expired_proposal_takes_no_votes()
    {
        var net = new TestNetwork();
        var id = net.Run("admin-1", GovernanceContract.ProposeType, new ProposeRequest { Action = AddOrg(), DeadlineMs = net.TimeMs + 5_000 }).ShouldSucceed().CreatedId;
        net.NextBlock(6_000);
        Assert.Equal(ProposalStatus.Expired, GovernanceState.EffectiveStatus(GovernanceState.GetProposal(net.State, id)!, net.TimeMs));
        net.Refused(ErrorCode.FailedPrecondition, "admin-2", GovernanceContract.ApproveType, new ApproveProposalRequest { ProposalId = id });
        Assert.Empty(GovernanceState.OpenProposals(net.State, net.TimeMs));
    }

    [Fact]
    public void A_proposal_that_no_longer_applies_cannot_execute()
    {
        var net = new TestNetwork();
        var first = net.Run("admin-1", GovernanceContract.ProposeType, Payloads.Propose(AddOrg("twin"))).ShouldSucceed().CreatedId;
        var second = net.Run("admin-2", GovernanceContract.ProposeType, Payloads.Propose(AddOrg("twin"))).ShouldSucceed().CreatedId;
        net.Run("admin-3", GovernanceContract.ApproveType, new ApproveProposalRequest { ProposalId = first }).ShouldSucceed();
        net.Refused(ErrorCode.FailedPrecondition, "admin-3", GovernanceContract.ApproveType, new ApproveProposalRequest { ProposalId = second });
    }

    private static ProposalAction NewValidatorsFrom(ulong height) => new()
    {
        SetValidators = new SetValidators { EffectiveHeight = height, Validators = { new ValidatorInfo { Organisation = "validators", PublicKey = Payloads.PublicKey("v-next") } } },
    };

    [Fact]
    public void A_validator_set_executed_at_h_takes_effect_from_h_plus_2_at_the_earliest()
    {
        var net = new TestNetwork();
        var executesAt = net.Height + 1;
        var id = net.Run("admin-1", GovernanceContract.ProposeType, Payloads.Propose(NewValidatorsFrom(executesAt + 2))).ShouldSucceed().CreatedId;
        net.NextBlock();
        Assert.Equal("executed", net.Run("admin-2", GovernanceContract.ApproveType, new ApproveProposalRequest { ProposalId = id }).ShouldSucceed().Output!.Status);
        Assert.Equal(1UL, MembershipState.ValidatorsAt(net.State, executesAt + 1)!.EffectiveHeight); // the next block keeps its set
        Assert.Equal(Payloads.PublicKey("v-next"), MembershipState.ValidatorsAt(net.State, executesAt + 2)!.Validators.Single().PublicKey);
    }

    [Fact]
    public void A_validator_set_for_the_block_after_execution_is_refused_even_when_it_was_valid_at_proposal()
    {
        var net = new TestNetwork();
        net.Refused(ErrorCode.InvalidArgument, "admin-1", GovernanceContract.ProposeType, Payloads.Propose(NewValidatorsFrom(net.Height + 1)));
        var id = net.Run("admin-1", GovernanceContract.ProposeType, Payloads.Propose(NewValidatorsFrom(net.Height + 2))).ShouldSucceed().CreatedId;
        net.NextBlock(); // executing here would make it effective from the next block
        var refused = net.Refused(ErrorCode.FailedPrecondition, "admin-2", GovernanceContract.ApproveType, new ApproveProposalRequest { ProposalId = id });
        Assert.Contains("too soon", refused.Message);
    }

    [Fact]
    public void Threshold_counts_current_admins_and_a_single_admin_network_executes_at_once()
    {
        var solo = new TestNetwork([("root", ["admin", "validator"]), ("dept-a", ["department"])]);
        Assert.Equal(1, MembershipState.AdminThreshold(solo.State));
        Assert.Equal("executed", solo.Run("root", GovernanceContract.ProposeType, Payloads.Propose(AddOrg())).ShouldSucceed().Output!.Status);

        var net = new TestNetwork(governance: new GovernanceGenesisOptions(AdminThreshold: 3));
        Assert.Equal(3, MembershipState.AdminThreshold(net.State));
        var id = net.Run("admin-1", GovernanceContract.ProposeType, Payloads.Propose(AddOrg())).ShouldSucceed().CreatedId;
        Assert.Equal("open", net.Run("admin-2", GovernanceContract.ApproveType, new ApproveProposalRequest { ProposalId = id }).ShouldSucceed().Output!.Status);
        Assert.Equal("executed", net.Run("admin-3", GovernanceContract.ApproveType, new ApproveProposalRequest { ProposalId = id }).ShouldSucceed().Output!.Status);
    }

    [Fact]
    public void A_removed_organisations_keys_stop_working_and_are_never_reused()
    {
        var net = new TestNetwork();
        Execute(net, new ProposalAction { RemoveOrganisation = new RemoveOrganisation { Id = "dept-c" } });
        var outcome = net.Run("dept-c", TrustLedger.Contracts.Grants.DataSharingContract.RegisterDatasetType, Payloads.Dataset());
        Assert.Equal(ErrorCode.PermissionDenied, outcome.Code);
        net.Refused(ErrorCode.AlreadyExists, "admin-1", GovernanceContract.ProposeType, Payloads.Propose(AddOrg("dept-c")));
        net.Refused(ErrorCode.AlreadyExists, "admin-1", GovernanceContract.ProposeType,
            Payloads.Propose(new ProposalAction { AddKey = new AddKey { Organisation = "dept-a", PublicKey = Payloads.PublicKey("dept-c") } }));
    }

    [Fact]
    public void The_last_admin_cannot_be_removed_or_demoted()
    {
        var net = new TestNetwork([("root", ["admin"]), ("validators", ["validator"])]);
        net.Refused(ErrorCode.FailedPrecondition, "root", GovernanceContract.ProposeType, Payloads.Propose(new ProposalAction { RemoveOrganisation = new RemoveOrganisation { Id = "root" } }));
        net.Refused(ErrorCode.FailedPrecondition, "root", GovernanceContract.ProposeType, Payloads.Propose(new ProposalAction { SetRoles = new SetRoles { Organisation = "root", Roles = { "hub" } } }));
    }

    [Fact]
    public void Active_members_follow_key_changes_in_address_order()
    {
        var net = new TestNetwork();
        Execute(net, new ProposalAction { AddKey = new AddKey { Organisation = "dept-a", PublicKey = Payloads.PublicKey("dept-a", 1) } });
        Execute(net, new ProposalAction { RevokeKey = new RevokeKey { Organisation = "dept-a", Address = Payloads.Address("dept-a") } });
        var members = MembershipState.ActiveMembers(net.State);
        Assert.Equal(TestNetwork.DefaultOrganisations.Count, members.Count);
        Assert.Contains(members, m => m.Key == TestNetwork.AddressOf("dept-a", 1) && m.Value == "dept-a");
        Assert.DoesNotContain(members, m => m.Key == TestNetwork.AddressOf("dept-a"));
        Assert.Equal(members.OrderBy(m => m.Key).ToList(), members);
        var record = MembershipState.GetOrganisation(net.State, "dept-a")!;
        Assert.Equal([KeyStatus.Revoked, KeyStatus.Active], record.Keys.Select(k => k.Status));
    }

    [Fact]
    public void Genesis_refuses_unknown_roles_and_records_validators()
    {
        Assert.Throws<GenesisException>(() => new TestNetwork([("root", ["admin", "mayor"])]));
        Assert.Throws<GenesisException>(() => new TestNetwork([("root", ["admin"])], governance: new GovernanceGenesisOptions(AdminThreshold: 2)));
        var net = new TestNetwork();
        var set = MembershipState.ValidatorsAt(net.State, 1)!;
        Assert.Equal(net.Genesis.Validators[0].Organisation, set.Validators.Single().Organisation);
        Assert.Null(MembershipState.ValidatorsAt(net.State, 0));
        Assert.Equal(["admin-1", "admin-2", "admin-3"], MembershipState.AdminOrganisations(net.State));
    }

    /// <summary>Proposes and approves with two admins.</summary>
    internal static void Execute(TestNetwork net, ProposalAction action)
    {
        var id = net.Run("admin-1", GovernanceContract.ProposeType, Payloads.Propose(action)).ShouldSucceed().CreatedId;
        Assert.Equal("executed", net.Run("admin-2", GovernanceContract.ApproveType, new ApproveProposalRequest { ProposalId = id }).ShouldSucceed().Output!.Status);
    }
}
