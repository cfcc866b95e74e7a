namespace TrustLedger.Protocol.Consensus;

/// <summary>The outcome of <see cref="CommitCertificate.Verify"/>: valid, or the first reason it is not.</summary>
public readonly record struct CertificateCheck(bool IsValid, string? Error)
{
    public static CertificateCheck Valid => new(true, null);
    public static CertificateCheck Invalid(string error) => new(false, error);
}
