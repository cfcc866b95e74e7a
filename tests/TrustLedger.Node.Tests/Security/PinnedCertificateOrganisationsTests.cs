using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Messages;
using TrustLedger.Node.Security;
using TrustLedger.Node.Tests.Support;
using TrustLedger.Protocol.Genesis;
using Xunit;

namespace TrustLedger.Node.Tests.Security;

/// <summary>
/// The binding of TLS certificates to organisations, against committed state: water and parks pin their own CAs in
/// the genesis, dev (the only admin) changes pins by governance. Time is the ledger's manual clock.
/// </summary>
public sealed class PinnedCertificateOrganisationsTests
{
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");

    private readonly X509Certificate2 _waterCa = Ca("water", TestLedger.Start);
    private readonly X509Certificate2 _parksCa = Ca("parks", TestLedger.Start);
    private readonly TestLedger _ledger;
    private readonly PinnedCertificateOrganisations _pins;

    public PinnedCertificateOrganisationsTests()
    {
        _ledger = new TestLedger(genesis => genesis with
        {
            Organisations = [.. genesis.Organisations.Select(o => o.Id switch
            {
                "water" => o with { TlsCaCertificates = [_waterCa.ExportCertificatePem()] },
                "parks" => o with { TlsCaCertificates = [_parksCa.ExportCertificatePem()] },
                _ => o,
            })],
        });
        _pins = new PinnedCertificateOrganisations(_ledger.Ledger, _ledger.Time);
    }

    [Fact]
    public void A_certificate_speaks_for_the_organisation_whose_pinned_ca_issued_it_and_no_other()
    {
        var water = Leaf(_waterCa, "client.water", TestLedger.Start, ClientAuth);
        var parks = Leaf(_parksCa, "client.parks", TestLedger.Start, ClientAuth);
        Assert.Equal("water", _pins.OrganisationOf(water));
        Assert.Equal("parks", _pins.OrganisationOf(parks));
        Assert.Equal(["parks", "water"], _pins.PinningOrganisations);
    }

    [Fact]
    public void A_certificate_of_an_unpinned_ca_or_a_ca_itself_maps_to_nobody()
    {
        var stranger = Ca("stranger", TestLedger.Start);
        Assert.Null(_pins.OrganisationOf(Leaf(stranger, "client.water", TestLedger.Start, ClientAuth)));
        var selfSigned = Leaf(null, "client.water", TestLedger.Start, ClientAuth);
        Assert.Null(_pins.OrganisationOf(selfSigned));
    }

    [Fact]
    public void The_purpose_must_match_client_or_server_authentication()
    {
        var clientOnly = Leaf(_waterCa, "client.water", TestLedger.Start, ClientAuth);
        var serverOnly = Leaf(_waterCa, "node.water", TestLedger.Start, ServerAuth);
        Assert.Equal("water", _pins.OrganisationOf(clientOnly));
        Assert.Null(_pins.ServerOrganisationOf(clientOnly));
        Assert.Equal("water", _pins.ServerOrganisationOf(serverOnly));
        Assert.Null(_pins.OrganisationOf(serverOnly));
    }

    [Fact]
    public void A_certificate_stops_mapping_when_it_expires_even_after_a_cached_verdict()
    {
        var shortLived = Leaf(_waterCa, "client.water", TestLedger.Start, ClientAuth, lifetime: TimeSpan.FromHours(1));
        Assert.Equal("water", _pins.OrganisationOf(shortLived));
        _ledger.Time.Advance(TimeSpan.FromHours(2));
        Assert.Null(_pins.OrganisationOf(shortLived));
        Assert.Null(_pins.OrganisationOf(Leaf(_waterCa, "not yet", TestLedger.Start.AddDays(1), ClientAuth)));
    }

    [Fact]
    public void Governance_revokes_a_certificate_from_the_next_block_on()
    {
        var lost = Leaf(_waterCa, "lost laptop", TestLedger.Start, ClientAuth);
        var kept = Leaf(_waterCa, "client.water", TestLedger.Start, ClientAuth);
        Assert.Equal("water", _pins.OrganisationOf(lost));
        Propose(new ProposalAction { RevokeTlsCertificate = new RevokeTlsCertificate { Organisation = "water", Fingerprint = ByteString.CopyFrom(SHA256.HashData(lost.RawData)) } });
        Assert.Null(_pins.OrganisationOf(lost));
        Assert.Equal("water", _pins.OrganisationOf(kept));
    }

    [Fact]
    public void Rotation_moves_trust_to_the_new_ca_and_a_removed_organisation_maps_nothing()
    {
        var next = Ca("water 2027", TestLedger.Start);
        var old = Leaf(_waterCa, "client.water", TestLedger.Start, ClientAuth);
        var renewed = Leaf(next, "client.water", TestLedger.Start, ClientAuth);
        Assert.Null(_pins.OrganisationOf(renewed));
        Propose(new ProposalAction { SetTlsCertificates = new SetTlsCertificates { Organisation = "water", CaCertificates = { ByteString.CopyFrom(next.RawData) } } });
        Assert.Equal("water", _pins.OrganisationOf(renewed));
        Assert.Null(_pins.OrganisationOf(old));

        var parks = Leaf(_parksCa, "client.parks", TestLedger.Start, ClientAuth);
        Propose(new ProposalAction { RemoveOrganisation = new RemoveOrganisation { Id = "parks" } });
        Assert.Null(_pins.OrganisationOf(parks));
    }

    private void Propose(ProposalAction action) =>
        _ledger.Commit(_ledger.Hub, GovernanceContract.ProposeType, new ProposeRequest { Action = action }); // dev is the only admin: executes at once

    internal static X509Certificate2 Ca(string name, DateTimeOffset from)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name} CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(from.AddDays(-1), from.AddYears(5));
    }

    /// <summary>A leaf issued by <paramref name="issuer"/> (self-signed when null), valid from <paramref name="from"/>.</summary>
    internal static X509Certificate2 Leaf(X509Certificate2? issuer, string name, DateTimeOffset from, Oid purpose, TimeSpan? lifetime = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([purpose], false));
        var until = from + (lifetime ?? TimeSpan.FromDays(30));
        if (issuer is null) return request.CreateSelfSigned(from.AddMinutes(-1), until);
        using var certificate = request.Create(issuer, from.AddMinutes(-1), until, RandomNumberGenerator.GetBytes(8));
        return certificate.CopyWithPrivateKey(key);
    }
}
