using System.Formats.Asn1;
using System.Security.Cryptography;

namespace TrustLedger.Protocol.Tls;

/// <summary>
/// Pure, deterministic checks of TLS certificates as the chain stores them (DER bytes, SHA-256 fingerprints). Walks
/// the X.509 structure with the managed ASN.1 reader only — never the platform's certificate parser, whose answer
/// may differ between operating systems and library versions — so every validator reaches the same verdict.
/// The node does the real chain building; this only keeps garbage and leaf certificates out of the pins.
/// </summary>
public static class TlsCertificateFormat
{
    /// <summary>Length of a certificate fingerprint: SHA-256.</summary>
    public const int FingerprintLength = 32;

    /// <summary>Largest DER certificate accepted for pinning.</summary>
    public const int MaxCertificateBytes = 16 * 1024;

    private const string BasicConstraintsOid = "2.5.29.19";

    /// <summary>SHA-256 of the DER encoding, as TLS tooling prints fingerprints.</summary>
    public static byte[] Fingerprint(ReadOnlySpan<byte> der) => SHA256.HashData(der);

    /// <summary>Null if <paramref name="der"/> is one DER X.509 certificate whose basic constraints say it is a CA; else why not.</summary>
    public static string? CaCertificateProblem(ReadOnlySpan<byte> der)
    {
        if (der.Length == 0) return "the certificate is empty";
        if (der.Length > MaxCertificateBytes) return $"the certificate is larger than {MaxCertificateBytes} bytes";
        try
        {
            var outer = new AsnReader(der.ToArray(), AsnEncodingRules.DER);
            var certificate = outer.ReadSequence();
            if (outer.HasData) return "bytes follow the certificate";
            var tbs = certificate.ReadSequence();
            certificate.ReadSequence(); // signatureAlgorithm
            certificate.ReadBitString(out _);
            if (certificate.HasData) return "the certificate has trailing fields";
            return IsCa(tbs) ? null : "not a CA certificate (basic constraints cA is not set)";
        }
        catch (AsnContentException)
        {
            return "not a DER X.509 certificate";
        }
    }

    private static bool IsCa(AsnReader tbs)
    {
        var version = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
        if (tbs.PeekTag().HasSameClassAndValue(version)) tbs.ReadSequence(version);
        tbs.ReadIntegerBytes();   // serialNumber
        tbs.ReadSequence();       // signature
        tbs.ReadSequence();       // issuer
        tbs.ReadSequence();       // validity
        tbs.ReadSequence();       // subject
        tbs.ReadSequence();       // subjectPublicKeyInfo
        var extensionsTag = new Asn1Tag(TagClass.ContextSpecific, 3, isConstructed: true);
        while (tbs.HasData)
        {
            var tag = tbs.PeekTag();
            if (!tag.HasSameClassAndValue(extensionsTag))
            {
                tbs.ReadEncodedValue(); // issuerUniqueID / subjectUniqueID
                continue;
            }
            var extensions = tbs.ReadSequence(extensionsTag).ReadSequence();
            while (extensions.HasData)
            {
                var extension = extensions.ReadSequence();
                var oid = extension.ReadObjectIdentifier();
                if (extension.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean)) extension.ReadBoolean();
                var value = extension.ReadOctetString();
                if (oid != BasicConstraintsOid) continue;
                var constraints = new AsnReader(value, AsnEncodingRules.DER).ReadSequence();
                return constraints.HasData && constraints.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean) && constraints.ReadBoolean();
            }
        }
        return false;
    }

    /// <summary>The DER of every CERTIFICATE block in <paramref name="pem"/>, in order.</summary>
    /// <exception cref="FormatException">No certificate block, or one that is not valid base64.</exception>
    public static IReadOnlyList<byte[]> DecodePem(string pem)
    {
        var certificates = new List<byte[]>();
        var rest = pem.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            if (rest[fields.Label].SequenceEqual("CERTIFICATE"))
                certificates.Add(Convert.FromBase64String(rest[fields.Base64Data].ToString()));
            rest = rest[fields.Location.End..];
        }
        if (certificates.Count == 0) throw new FormatException("no PEM CERTIFICATE block found");
        return certificates;
    }

    /// <summary>PEM text of one DER certificate.</summary>
    public static string EncodePem(ReadOnlySpan<byte> der) => new(PemEncoding.Write("CERTIFICATE", der));
}
