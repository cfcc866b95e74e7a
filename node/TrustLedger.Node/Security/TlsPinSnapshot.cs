using System.Security.Cryptography.X509Certificates;
using TrustLedger.Contracts.Messages;

namespace TrustLedger.Node.Security;

/// <summary>
/// The TLS pins of the committed state at one moment: for each active organisation that pins any, its CA
/// certificates and the fingerprints (SHA-256 hex of the DER) it revoked. Immutable; replaced when governance
/// changes a pin, so verdicts cached against it stay valid until then.
/// </summary>
internal sealed class TlsPinSnapshot
{
    private TlsPinSnapshot(IReadOnlyList<OrganisationPins> organisations, IReadOnlyList<OrganisationRecord> source) =>
        (Organisations, _source) = (organisations, source);

    private readonly IReadOnlyList<OrganisationRecord> _source;

    public IReadOnlyList<OrganisationPins> Organisations { get; }

    public static TlsPinSnapshot Empty { get; } = new([], []);

    /// <summary>The pins of <paramref name="records"/>; this very snapshot when they pin the same as before.</summary>
    public TlsPinSnapshot With(IReadOnlyList<OrganisationRecord> records)
    {
        if (SamePins(records, _source)) return this;
        var organisations = records.Select(record => new OrganisationPins(
            record.Id,
            [.. record.TlsCaCertificates.Select(der => X509CertificateLoader.LoadCertificate(der.Span))],
            record.RevokedTlsCertificates.Select(f => Convert.ToHexString(f.Span)).ToHashSet(StringComparer.Ordinal))).ToList();
        return new TlsPinSnapshot(organisations, records);
    }

    private static bool SamePins(IReadOnlyList<OrganisationRecord> a, IReadOnlyList<OrganisationRecord> b) =>
        a.Count == b.Count && a.Zip(b).All(pair => pair.First.Id == pair.Second.Id
            && pair.First.TlsCaCertificates.SequenceEqual(pair.Second.TlsCaCertificates)
            && pair.First.RevokedTlsCertificates.SequenceEqual(pair.Second.RevokedTlsCertificates));
}

/// <summary>One organisation's pinned CAs and revoked certificate fingerprints (upper-case hex).</summary>
internal sealed record OrganisationPins(string Id, IReadOnlyList<X509Certificate2> CaCertificates, IReadOnlySet<string> Revoked);
