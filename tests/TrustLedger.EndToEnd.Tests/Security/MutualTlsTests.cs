using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using TrustLedger.Contracts.Messages;
using TrustLedger.EndToEnd.Tests.Support;
using TrustLedger.Proto.Api.V1;
using TrustLedger.Sdk;
using TrustLedger.Sdk.Tls;
using Xunit;
using Xunit.Abstractions;

namespace TrustLedger.EndToEnd.Tests.Security;

/// <summary>
/// A real node process serving mutual TLS 1.3, called over real gRPC on loopback: a certificate issued by a pinned CA
/// is heard; no certificate, a certificate of an unpinned CA, an expired one, or one revoked by governance is refused.
/// </summary>
public sealed class MutualTlsTests(ITestOutputHelper output)
{
    private static async Task<RpcException> Refused(string endpoint, TlsClientOptions tls)
    {
        var e = await Assert.ThrowsAsync<RpcException>(async () => (await TrustLedgerClient.ConnectAsync(endpoint, null, tls)).Dispose());
        Assert.NotEqual(StatusCode.OK, e.StatusCode);
        return e;
    }

    [Fact]
    public async Task Only_certificates_of_pinned_unexpired_unrevoked_organisations_are_heard()
    {
        using var files = new TlsNetworkFiles();
        await using var node = new NodeProcess(files.Dir, files.NodeArguments, output);
        await node.Start();
        var endpoint = node.Endpoint.Replace("http://", "https://");
        Assert.Contains("TrustLedger node listening on https://", node.Log);

        using var dev = await TrustLedgerClient.ConnectAsync(endpoint, files.ClientKey, files.Client(files.DevCa, "dev"));
        using var water = await TrustLedgerClient.ConnectAsync(endpoint, null, files.Client(files.WaterCa, "water"));
        Assert.Equal("tls-test", water.ChainId);

        // No client certificate at all: the handshake is refused.
        using (var bare = GrpcChannel.ForAddress(endpoint, new GrpcChannelOptions
               {
                   HttpHandler = new SocketsHttpHandler { SslOptions = new SslClientAuthenticationOptions { EnabledSslProtocols = SslProtocols.Tls13, RemoteCertificateValidationCallback = (_, _, _, _) => true } },
               }))
            await Assert.ThrowsAsync<RpcException>(async () => await new Ledger.LedgerClient(bare).GetStatusAsync(new GetStatusRequest()));

        await Refused(endpoint, files.Client(TlsNetworkFiles.Ca("stranger"), "stranger"));
        await Refused(endpoint, files.Client(files.WaterCa, "expired", DateTimeOffset.UtcNow.AddDays(-10), TimeSpan.FromDays(1)));
        await Refused(endpoint, files.Client(files.WaterCa, "not-yet", DateTimeOffset.UtcNow.AddDays(1)));

        // Governance revokes water's certificate: its open connection is refused from the next call, a new one at the handshake.
        var fingerprint = SHA256.HashData(System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(water.Tls!.CertificatePath)).RawData);
        var receipt = await dev.Governance.ProposeAsync(new ProposalAction { RevokeTlsCertificate = new RevokeTlsCertificate { Organisation = "water", Fingerprint = ByteString.CopyFrom(fingerprint) } });
        Assert.Equal("executed", receipt.Status);
        var onOpenConnection = await Assert.ThrowsAsync<RpcException>(() => water.GetStatusAsync());
        Assert.Equal(StatusCode.Unauthenticated, onOpenConnection.StatusCode);
        await Refused(endpoint, water.Tls);
        Assert.NotNull(await dev.GetStatusAsync()); // dev's certificate is untouched
    }

    /// <summary>The certificate's organisation is the caller the read policy judges; a certificate of A never acts for B.</summary>
    [Fact]
    public async Task A_certificate_reads_as_its_organisation_and_never_carries_another_organisations_key()
    {
        using var files = new TlsNetworkFiles();
        await using var node = new NodeProcess(files.Dir, files.NodeArguments, output);
        await node.Start();
        var endpoint = node.Endpoint.Replace("http://", "https://");

        // Water's certificate alone: the node takes the caller for water (a department), with water's roles only.
        using var water = await TrustLedgerClient.ConnectAsync(endpoint, null, files.Client(files.WaterCa, "water"));
        var seen = await water.GetStatusAsync();
        Assert.Equal(("water", null), (seen.CallerOrganisation, seen.CallerAddress));
        Assert.Equal(["department"], seen.CallerRoles);
        Assert.NotNull(await water.Cases.GetInboxAsync("water"));                       // its own inbox
        var denied = await Assert.ThrowsAsync<RpcException>(() => water.Cases.GetInboxAsync("dev"));   // dev's inbox: not water's to read
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        var raw = await Assert.ThrowsAsync<RpcException>(() => water.GetBlockAsync());
        Assert.Equal(StatusCode.PermissionDenied, raw.StatusCode);

        // Dev's member key over water's certificate: refused, whatever the call.
        using var mixed = await TrustLedgerClient.ConnectAsync(endpoint, files.ClientKey, files.Client(files.WaterCa, "water2"));
        var refused = await Assert.ThrowsAsync<RpcException>(() => mixed.GetStatusAsync());
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains("client certificate is of 'water'", refused.Status.Detail);

        // Dev's key over dev's certificate: dev, every role.
        using var dev = await TrustLedgerClient.ConnectAsync(endpoint, files.ClientKey, files.Client(files.DevCa, "dev"));
        Assert.Equal("dev", (await dev.GetStatusAsync()).CallerOrganisation);
        var receipt = await dev.SubmitAsync("anchor.put", "read as dev"u8.ToArray());
        Assert.Equal(receipt.Height, (await dev.GetBlockAsync(receipt.Height)).Height); // raw blocks: dev is a validator
    }

    [Fact]
    public async Task A_plaintext_client_is_not_served_and_tls_below_1_3_is_refused()
    {
        using var files = new TlsNetworkFiles();
        await using var node = new NodeProcess(files.Dir, files.NodeArguments, output);
        await node.Start();
        using var plaintext = GrpcChannel.ForAddress(node.Endpoint);
        await Assert.ThrowsAsync<RpcException>(async () => await new Ledger.LedgerClient(plaintext).GetStatusAsync(new GetStatusRequest()));

        var tls12 = files.Client(files.DevCa, "dev12").SslOptions();
        tls12.EnabledSslProtocols = SslProtocols.Tls12;
        using var old = GrpcChannel.ForAddress(node.Endpoint.Replace("http://", "https://"), new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { SslOptions = tls12 } });
        await Assert.ThrowsAsync<RpcException>(async () => await new Ledger.LedgerClient(old).GetStatusAsync(new GetStatusRequest()));
    }

    [Fact]
    public async Task A_non_dev_node_without_tls_refuses_to_start_with_one_line_naming_the_fix()
    {
        using var files = new TlsNetworkFiles();
        await using var node = new NodeProcess(files.Dir, ["--genesis", files.GenesisPath, "--key", files.ValidatorKeyPath], output);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(node.Start);
        Assert.Contains("node exited with 2", refused.Message);
        var line = Assert.Single(node.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("trustledger-node:"));
        Assert.Contains("--tls-cert", line);
        Assert.Contains("--insecure-plaintext", line);
        Assert.DoesNotContain("   at ", node.Log); // no stack trace
    }

    [Fact]
    public async Task A_node_whose_certificate_is_not_of_its_own_organisation_refuses_to_start()
    {
        using var files = new TlsNetworkFiles();
        var water = files.Client(files.WaterCa, "water-as-node");
        await using var node = new NodeProcess(files.Dir, ["--genesis", files.GenesisPath, "--key", files.ValidatorKeyPath, "--tls-cert", water.CertificatePath, "--tls-key", water.KeyPath], output);
        await Assert.ThrowsAsync<InvalidOperationException>(node.Start);
        Assert.Contains("trustledger-node: the TLS certificate CN=client.water-as-node speaks for 'water', not for this node's organisation 'dev'", node.Log);
    }
}
