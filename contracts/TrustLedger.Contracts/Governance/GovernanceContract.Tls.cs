using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Membership;
using TrustLedger.Contracts.Messages;
using TrustLedger.Protocol.Tls;

namespace TrustLedger.Contracts.Governance;

/// <summary>
/// TLS pins: the CA certificates an organisation's node and client certificates chain to, and the certificates
/// refused although they do. The chain stores DER bytes and fingerprints and checks only their structure (pure ASN.1);
/// nodes build and verify certificate chains against what is committed here.
/// </summary>
public sealed partial class GovernanceContract
{
    public const int MaxTlsCaCertificates = 8;
    public const int MaxRevokedTlsCertificates = 1024;

    private static ContractResult? ValidateSetTlsCertificates(SetTlsCertificates set, IStateStore state)
    {
        if (ActiveOrganisation(state, set.Organisation, out var org) is { } missing) return missing;
        if (set.CaCertificates.Count > MaxTlsCaCertificates)
            return ContractResult.Invalid($"an organisation pins at most {MaxTlsCaCertificates} TLS CA certificates");
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var der in set.CaCertificates)
        {
            if (TlsCertificateFormat.CaCertificateProblem(der.Span) is { } problem)
                return ContractResult.Invalid($"TLS CA certificate refused: {problem}");
            if (!seen.Add(der.ToBase64())) return ContractResult.Invalid("a TLS CA certificate is listed twice");
        }
        foreach (var other in MembershipState.TlsPinningOrganisations(state).Where(o => o.Id != org.Id))
            if (other.TlsCaCertificates.Any(pinned => seen.Contains(pinned.ToBase64())))
                return ContractResult.Exists($"organisation '{other.Id}' already pins that TLS CA certificate; each organisation needs its own CA");
        return null;
    }

    private static ContractResult? ValidateRevokeTlsCertificate(RevokeTlsCertificate revoke, IStateStore state)
    {
        if (ActiveOrganisation(state, revoke.Organisation, out var org) is { } missing) return missing;
        if (revoke.Fingerprint.Length != TlsCertificateFormat.FingerprintLength)
            return ContractResult.Invalid($"a certificate fingerprint is the {TlsCertificateFormat.FingerprintLength}-byte SHA-256 of its DER");
        if (org.RevokedTlsCertificates.Contains(revoke.Fingerprint))
            return ContractResult.Exists($"that certificate of '{org.Id}' is already revoked");
        if (org.RevokedTlsCertificates.Count >= MaxRevokedTlsCertificates)
            return ContractResult.Precondition($"'{org.Id}' has revoked {MaxRevokedTlsCertificates} certificates: rotate its CA instead");
        return null;
    }
}
