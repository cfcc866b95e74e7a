using TrustLedger.Sdk.Tls;
using Xunit;

namespace TrustLedger.Sdk.Tests.Tls;

public sealed class TlsClientOptionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tl-tls-options-").FullName;

    private TlsClientOptions Issue(string organisation)
    {
        using var ca = CertificateAuthority.Create(organisation, TimeProvider.System);
        using var client = ca.IssueClient(organisation);
        var (crt, key, caPath) = (Path.Combine(_dir, $"{organisation}.crt"), Path.Combine(_dir, $"{organisation}.key"), Path.Combine(_dir, $"{organisation}.ca.crt"));
        CertificateAuthority.Save(client, crt, key);
        File.WriteAllText(caPath, ca.Certificate.ExportCertificatePem());
        return new TlsClientOptions(crt, key, caPath);
    }

    [Fact]
    public void A_copy_with_other_files_presents_its_own_certificate_not_the_originals()
    {
        var water = Issue("water");
        var police = Issue("police");
        Assert.Contains("client.water", water.SslOptions().ClientCertificates![0].Subject); // loaded once, cached

        var copy = water with { CertificatePath = police.CertificatePath, KeyPath = police.KeyPath };
        Assert.Contains("client.police", copy.SslOptions().ClientCertificates![0].Subject);
        Assert.Contains("client.water", water.SslOptions().ClientCertificates![0].Subject);
    }

    [Fact]
    public void Private_keys_are_written_owner_only()
    {
        var water = Issue("water");
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(water.KeyPath));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
