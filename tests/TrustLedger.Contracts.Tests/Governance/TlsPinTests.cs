using Google.Protobuf;
using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Membership;
using TrustLedger.Contracts.Messages;
using TrustLedger.Contracts.Tests.Support;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Tls;
using Xunit;
using static TrustLedger.Contracts.Tests.Support.TestCertificates;

namespace TrustLedger.Contracts.Tests.Governance;

/// <summary>TLS pins in the genesis and their rotation and revocation by governance; every refusal changes nothing.</summary>
public sealed class TlsPinTests
{
    private static ProposalAction SetTls(string org, params ByteString[] cas) =>
        new() { SetTlsCertificates = new SetTlsCertificates { Organisation = org, CaCertificates = { cas } } };

    private static ProposalAction Revoke(string org, ByteString fingerprint) =>
        new() { RevokeTlsCertificate = new RevokeTlsCertificate { Organisation = org, Fingerprint = fingerprint } };

    private static TestNetwork Pinned() => new(tlsCaPems: new Dictionary<string, string[]> { ["dept-a"] = [Pem(Ca("dept-a"))], ["dept-b"] = [Pem(Ca("dept-b"))] });

    [Fact]
    public void Genesis_pins_are_written_to_the_organisation_records()
    {
        var net = Pinned();
        Assert.Equal([Der(Ca("dept-a"))], MembershipState.GetOrganisation(net.State, "dept-a")!.TlsCaCertificates);
        Assert.Empty(MembershipState.GetOrganisation(net.State, "hub")!.TlsCaCertificates);
        Assert.Equal(["dept-a", "dept-b"], MembershipState.TlsPinningOrganisations(net.State).Select(o => o.Id));
    }

    [Fact]
    public void The_genesis_hash_changes_only_when_some_organisation_pins_a_ca()
    {
        var plain = new TestNetwork().Genesis;
        var empty = plain with { Organisations = [.. plain.Organisations.Select(o => o with { TlsCaCertificates = [] })] };
        var pinned = Pinned().Genesis;
        var hash = CryptoSuites.Eth.Hash;
        Assert.Equal(plain.ComputeHash(hash), empty.ComputeHash(hash));
        Assert.NotEqual(plain.ComputeHash(hash), pinned.ComputeHash(hash));
        Assert.DoesNotContain("tlsCaCertificates", plain.ToJson());
        Assert.Equal(pinned.ComputeHash(hash), GenesisDocument.FromJson(pinned.ToJson()).ComputeHash(hash));
    }

    public static TheoryData<string> BadGenesisPins => ["leaf", "garbage", "two in one entry", "shared ca"];

    [Theory, MemberData(nameof(BadGenesisPins))]
    public void The_genesis_refuses_bad_pins(string name)
    {
        var pins = name switch
        {
            "leaf" => new Dictionary<string, string[]> { ["dept-a"] = [Pem(Leaf(Ca("dept-a"), "node"))] },
            "garbage" => new Dictionary<string, string[]> { ["dept-a"] = ["-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"] },
            "two in one entry" => new Dictionary<string, string[]> { ["dept-a"] = [Pem(Ca("dept-a")) + Pem(Ca("dept-b"))] },
            _ => new Dictionary<string, string[]> { ["dept-a"] = [Pem(Ca("dept-a"))], ["dept-b"] = [Pem(Ca("dept-a"))] },
        };
        Assert.Throws<GenesisException>(() => new TestNetwork(tlsCaPems: pins).Genesis.Validate());
    }

    public static TheoryData<string> Actions => ["rotate", "unpin", "revoke"];

    [Theory, MemberData(nameof(Actions))]
    public void Tls_actions_take_effect_only_at_the_threshold(string name)
    {
        var net = Pinned();
        var leaf = Leaf(Ca("dept-a"), "dept-a node");
        var action = name switch
        {
            "rotate" => SetTls("dept-a", Der(Ca("dept-a")), Der(Ca("dept-a-2027"))),
            "unpin" => SetTls("dept-a"),
            _ => Revoke("dept-a", Fingerprint(leaf)),
        };
        var membership = net.State.Dump("m/");
        var id = net.Run("admin-1", GovernanceContract.ProposeType, Payloads.Propose(action)).ShouldSucceed().CreatedId;
        Assert.Equal(membership, net.State.Dump("m/"));
        net.NextBlock();
        Assert.Equal("executed", net.Run("admin-2", GovernanceContract.ApproveType, new ApproveProposalRequest { ProposalId = id }).ShouldSucceed().Output!.Status);

        var org = MembershipState.GetOrganisation(net.State, "dept-a")!;
        Assert.Equal(id, org.ProposalId);
        switch (name)
        {
            case "rotate":
                Assert.Equal([Der(Ca("dept-a")), Der(Ca("dept-a-2027"))], org.TlsCaCertificates);
                break;
            case "unpin":
                Assert.Empty(org.TlsCaCertificates);
                Assert.Equal(["dept-b"], MembershipState.TlsPinningOrganisations(net.State).Select(o => o.Id));
                break;
            default:
                Assert.Equal([Fingerprint(leaf)], org.RevokedTlsCertificates);
                Assert.Equal([Der(Ca("dept-a"))], org.TlsCaCertificates);
                break;
        }
    }

    [Theory, MemberData(nameof(Actions))]
    public void Only_admins_may_propose_tls_changes(string name)
    {
        var net = Pinned();
        var action = name == "revoke" ? Revoke("dept-a", Fingerprint(Ca("x"))) : SetTls("dept-a", Der(Ca("dept-a-2027")));
        foreach (var org in new[] { "dept-a", "hub", "auditor", "validators" })
            net.Refused(ErrorCode.PermissionDenied, org, GovernanceContract.ProposeType, Payloads.Propose(action));
    }

    public static TheoryData<string, ErrorCode> InvalidTlsProposals => new()
    {
        { "unknown org", ErrorCode.NotFound },
        { "removed org", ErrorCode.FailedPrecondition },
        { "not a certificate", ErrorCode.InvalidArgument },
        { "trailing bytes", ErrorCode.InvalidArgument },
        { "leaf certificate", ErrorCode.InvalidArgument },
        { "listed twice", ErrorCode.InvalidArgument },
        { "too many", ErrorCode.InvalidArgument },
        { "ca of another org", ErrorCode.AlreadyExists },
        { "revoke unknown org", ErrorCode.NotFound },
        { "short fingerprint", ErrorCode.InvalidArgument },
        { "revoked twice", ErrorCode.AlreadyExists },
    };

    [Theory, MemberData(nameof(InvalidTlsProposals))]
    public void Invalid_tls_proposals_are_refused(string name, ErrorCode expected)
    {
        var net = Pinned();
        var revoked = Fingerprint(Leaf(Ca("dept-a"), "lost laptop"));
        GovernanceTests.Execute(net, Revoke("dept-a", revoked));
        GovernanceTests.Execute(net, new ProposalAction { RemoveOrganisation = new RemoveOrganisation { Id = "dept-c" } });
        var action = name switch
        {
            "unknown org" => SetTls("nobody", Der(Ca("nobody"))),
            "removed org" => SetTls("dept-c", Der(Ca("dept-c"))),
            "not a certificate" => SetTls("dept-a", ByteString.CopyFromUtf8("-----BEGIN CERTIFICATE-----")),
            "trailing bytes" => SetTls("dept-a", ByteString.CopyFrom([.. Ca("dept-a").RawData, 0])),
            "leaf certificate" => SetTls("dept-a", Der(Leaf(Ca("dept-a"), "node"))),
            "listed twice" => SetTls("dept-a", Der(Ca("dept-a")), Der(Ca("dept-a"))),
            "too many" => SetTls("dept-a", [.. Enumerable.Range(0, GovernanceContract.MaxTlsCaCertificates + 1).Select(i => Der(Ca($"many-{i}")))]),
            "ca of another org" => SetTls("dept-a", Der(Ca("dept-b"))),
            "revoke unknown org" => Revoke("nobody", revoked),
            "short fingerprint" => Revoke("dept-a", ByteString.CopyFrom(new byte[20])),
            "revoked twice" => Revoke("dept-a", revoked),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        net.Refused(expected, "admin-1", GovernanceContract.ProposeType, Payloads.Propose(action));
    }

    [Fact]
    public void A_removed_organisation_pins_nothing()
    {
        var net = Pinned();
        GovernanceTests.Execute(net, new ProposalAction { RemoveOrganisation = new RemoveOrganisation { Id = "dept-b" } });
        Assert.Equal(["dept-a"], MembershipState.TlsPinningOrganisations(net.State).Select(o => o.Id));
    }

    [Fact]
    public void The_format_check_accepts_cas_and_refuses_the_rest()
    {
        Assert.Null(TlsCertificateFormat.CaCertificateProblem(Ca("dept-a").RawData));
        Assert.NotNull(TlsCertificateFormat.CaCertificateProblem(Leaf(Ca("dept-a"), "n").RawData));
        Assert.NotNull(TlsCertificateFormat.CaCertificateProblem([]));
        Assert.NotNull(TlsCertificateFormat.CaCertificateProblem([0x30, 0x03, 0x02, 0x01]));
        Assert.Equal(Ca("dept-a").RawData, TlsCertificateFormat.DecodePem(Pem(Ca("dept-a"))).Single());
        Assert.Equal(32, TlsCertificateFormat.Fingerprint(Ca("dept-a").RawData).Length);
    }
}
