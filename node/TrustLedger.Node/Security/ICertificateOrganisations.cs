using System.Security.Cryptography.X509Certificates;

namespace TrustLedger.Node.Security;

/// <summary>
/// Maps a TLS client certificate that the handshake already accepted to the one on-chain organisation it speaks for.
/// The transport (TLS today, TLCP later) ends here: the read policy sees only the organisation id.
/// </summary>
public interface ICertificateOrganisations
{
    /// <summary>The organisation whose pinned CA issued <paramref name="certificate"/>, or null when none does (or it is revoked).</summary>
    string? OrganisationOf(X509Certificate2 certificate);
}

/// <summary>A node without TLS: no certificate ever names an organisation, callers authenticate by signed call credentials only.</summary>
public sealed class NoCertificateOrganisations : ICertificateOrganisations
{
    public string? OrganisationOf(X509Certificate2 certificate) => null;
}
