using System.Security.Cryptography.X509Certificates;
using TrustLedger.Network.Generation;
using TrustLedger.Network.Layout;
using TrustLedger.Network.Processes;
using TrustLedger.Network.Tests.Support;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Crypto.KeyFiles;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Network.Tests;

/// <summary>What <c>up</c> writes before it starts anything: keys, genesis, manifest, and each node's command line.</summary>
public sealed class GenerationTests
{
    [Fact]
    public async Task Each_organisation_gets_a_validator_key_and_a_client_key_and_one_genesis_names_every_validator()
    {
        await using var harness = new NetworkHarness();
        var manifest = harness.Generate(4);

        var genesis = GenesisDocument.Load(harness.Layout.GenesisPath);
        var suite = CryptoSuites.Get("eth");
        Assert.Equal(["org1", "org2", "org3", "org4"], genesis.Organisations.Select(o => o.Id));
        Assert.Equal(["org1", "org2", "org3", "org4"], genesis.Validators.Select(v => v.Organisation));
        Assert.Equal(DevGenesis.AllRoles, genesis.Organisations[0].Roles); // --admins defaults to 1: org1 alone is an admin
        Assert.All(genesis.Organisations.Skip(1), o => Assert.Equal(DevGenesis.AllRoles.Where(r => r != "admin"), o.Roles));
        Assert.Equal(1, manifest.Admins);
        foreach (var node in manifest.Nodes)
        {
            var files = harness.Layout.Node(node.Index);
            var validator = KeyFile.Load(files.ValidatorKeyPath, NetworkHarness.Password);
            var client = KeyFile.Load(files.ClientKeyPath, NetworkHarness.Password);
            var organisation = genesis.Organisations.Single(o => o.Id == node.Organisation);
            var entry = genesis.Validators.Single(v => v.Organisation == node.Organisation);
            Assert.Equal(Hex.Encode(validator.PublicKey), entry.PublicKey);
            Assert.Equal(node.Endpoint, entry.Endpoint);
            Assert.Equal([Hex.Encode(validator.PublicKey), Hex.Encode(client.PublicKey)], organisation.Keys);
            Assert.NotEqual(validator.Address, client.Address);
            Assert.Equal(suite.Name, validator.Suite);
            Assert.False(Directory.Exists(files.DataDir)); // created by the node's first start
        }
        Assert.Equal(8, Directory.EnumerateFiles(harness.Layout.NodesDir, "*.key.json", SearchOption.AllDirectories).Count());
        Assert.Equal("trustledger-local", genesis.ChainId);
        var stored = NetworkManifest.Load(harness.Layout.ManifestPath);
        Assert.Equal((genesis.ChainId, "eth", harness.BasePort, 1), (stored.ChainId, stored.Suite, stored.BasePort, stored.Admins));
        Assert.Equal(manifest.Nodes, stored.Nodes);
    }

    [Fact]
    public async Task With_admins_K_the_first_K_organisations_hold_the_admin_role_and_the_others_every_other_role()
    {
        await using var harness = new NetworkHarness();
        var manifest = harness.Generate(5, admins: 3);

        var genesis = GenesisDocument.Load(harness.Layout.GenesisPath);
        Assert.Equal(["org1", "org2", "org3"], genesis.Organisations.Where(o => o.Roles.Contains("admin")).Select(o => o.Id));
        foreach (var organisation in genesis.Organisations.Skip(3))
            Assert.Equal(["validator", "department", "hub", "auditor", "community", "store"], organisation.Roles);
        Assert.Equal(5, genesis.Validators.Count); // every organisation still runs a validator
        var stored = NetworkManifest.Load(harness.Layout.ManifestPath);
        Assert.Equal(3, stored.Admins);
        Assert.Equal([true, true, true, false, false], stored.Nodes.Select(stored.IsAdmin));
        Assert.Equal(2, stored.ApprovalsNeeded); // a majority of 3
        Assert.Equal(manifest, stored with { Nodes = manifest.Nodes });
    }

    [Fact]
    public async Task A_manifest_written_before_admins_existed_reads_as_every_organisation_an_admin()
    {
        await using var harness = new NetworkHarness();
        harness.Generate(4, admins: 4);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(harness.Layout.ManifestPath))!.AsObject();
        Assert.True(json.Remove("admins"));
        File.WriteAllText(harness.Layout.ManifestPath, json.ToJsonString());

        var stored = NetworkManifest.Load(harness.Layout.ManifestPath);

        Assert.Equal(4, stored.Admins);
        Assert.Equal(3, stored.ApprovalsNeeded);
    }

    [Fact]
    public async Task An_sm_network_has_sm_keys_and_an_sm_genesis()
    {
        await using var harness = new NetworkHarness();
        harness.Generate(2, "sm");

        Assert.Equal("sm", GenesisDocument.Load(harness.Layout.GenesisPath).CryptoSuite);
        Assert.Equal("sm", KeyFile.Load(harness.Layout.Node(2).ValidatorKeyPath, NetworkHarness.Password).Suite);
        Assert.Equal("sm", KeyFile.Load(harness.Layout.Node(2).ClientKeyPath, NetworkHarness.Password).Suite);
    }

    [Fact]
    public async Task Every_node_has_its_own_ports_and_folders_and_every_other_node_as_a_peer()
    {
        await using var harness = new NetworkHarness();
        var manifest = harness.Generate(4);

        var ports = manifest.Nodes.SelectMany(n => new[] { n.GrpcPort, n.SiloPort, n.GatewayPort }).ToList();
        Assert.Equal(12, ports.Distinct().Count());
        Assert.Equal(harness.BasePort + 3, manifest.Nodes[2].GrpcPort);
        Assert.Equal(harness.BasePort + 103, manifest.Nodes[2].SiloPort);
        Assert.Equal(harness.BasePort + 203, manifest.Nodes[2].GatewayPort);

        var args = NodeCommandLine.For(harness.Layout, manifest, manifest.Nodes[2]);
        string Switch(string name) => args[args.ToList().IndexOf(name) + 1];
        Assert.Equal(harness.Layout.Node(3).DataDir, Switch("--data"));
        Assert.Equal(harness.Layout.GenesisPath, Switch("--genesis"));
        Assert.Equal(harness.Layout.Node(3).ValidatorKeyPath, Switch("--key"));
        Assert.Equal($"127.0.0.1:{harness.BasePort + 3}", Switch("--listen"));
        Assert.Equal($"{harness.BasePort + 103}", Switch("--silo-port"));
        Assert.Equal($"{harness.BasePort + 203}", Switch("--gateway-port"));
        Assert.Equal(string.Join(',', new[] { 1, 2, 4 }.Select(i => $"https://127.0.0.1:{harness.BasePort + i}")), Switch("--peers"));
        Assert.Equal(harness.Layout.Node(3).NodeCertPath, Switch("--tls-cert"));
        Assert.Equal(harness.Layout.Node(3).NodeKeyPath, Switch("--tls-key"));
        Assert.DoesNotContain("--insecure-plaintext", args);
    }

    [Fact, System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Each_organisation_gets_a_tls_ca_pinned_in_the_genesis_and_a_node_and_client_certificate_it_issued()
    {
        await using var harness = new NetworkHarness();
        var manifest = harness.Generate(3);
        var genesis = GenesisDocument.Load(harness.Layout.GenesisPath);
        var bundle = new X509Certificate2Collection();
        bundle.ImportFromPemFile(harness.Layout.CaBundlePath);
        Assert.Equal(3, bundle.Count);
        foreach (var node in manifest.Nodes)
        {
            var files = harness.Layout.Node(node.Index);
            Assert.True(node.Tls);
            Assert.StartsWith("https://", node.Endpoint);
            var ca = X509CertificateLoader.LoadCertificateFromFile(files.CaCertPath);
            Assert.Equal([ca.ExportCertificatePem()], genesis.Organisations.Single(o => o.Id == node.Organisation).TlsCaCertificates!.Select(p => p.Trim()));
            Assert.True(ca.NotAfter - ca.NotBefore > TimeSpan.FromDays(3600));
            foreach (var (cert, key) in new[] { (files.NodeCertPath, files.NodeKeyPath), (files.ClientCertPath, files.ClientTlsKeyPath) })
            {
                using var leaf = X509Certificate2.CreateFromPemFile(cert, key);
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                Assert.True(chain.Build(leaf), $"{cert} chains to {files.CaCertPath}");
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
            }
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(files.CaKeyPath));
        }
    }

    [Fact]
    public async Task Node_certificates_name_loopback_by_default_and_the_extra_host_names_given_per_node()
    {
        await using var harness = new NetworkHarness();
        var spec = new NetworkSpec(3, "eth", harness.BasePort) { NodeHostNames = new Dictionary<int, IReadOnlyList<string>> { [2] = ["node2", "10.9.0.2"] } };
        NetworkGenerator.Create(harness.Layout, spec, NetworkHarness.Password, TimeProvider.System);

        Assert.Equal(["localhost", "127.0.0.1"], SubjectAlternativeNames(harness.Layout.Node(1).NodeCertPath));
        Assert.Equal(["localhost", "node2", "127.0.0.1", "10.9.0.2"], SubjectAlternativeNames(harness.Layout.Node(2).NodeCertPath));
        Assert.Empty(SubjectAlternativeNames(harness.Layout.Node(2).ClientCertPath));
        using var node2 = X509CertificateLoader.LoadCertificateFromFile(harness.Layout.Node(2).NodeCertPath);
        Assert.True(node2.MatchesHostname("node2"));
        Assert.False(node2.MatchesHostname("node3"));
    }

    [Theory]
    [InlineData(5, "node", "host names given for node 5, but nodes are numbered 1–4")]
    [InlineData(1, "", "node 1's host name '' is empty or has white space")]
    [InlineData(1, "node 1", "node 1's host name 'node 1' is empty or has white space")]
    public void Host_names_for_a_node_that_does_not_exist_or_that_are_not_names_are_refused(int index, string name, string message)
    {
        var spec = new NetworkSpec(4) { NodeHostNames = new Dictionary<int, IReadOnlyList<string>> { [index] = [name] } };
        Assert.Contains(message, Assert.Throws<NetworkException>(spec.Validate).Message);
        var plaintext = new NetworkSpec(4, Tls: false) { NodeHostNames = new Dictionary<int, IReadOnlyList<string>> { [1] = ["node1"] } };
        Assert.Contains("a plaintext network has none", Assert.Throws<NetworkException>(plaintext.Validate).Message);
    }

    /// <summary>The certificate's DNS names, then its IP addresses, each in the order they were written.</summary>
    private static IReadOnlyList<string> SubjectAlternativeNames(string certificatePath)
    {
        using var certificate = X509CertificateLoader.LoadCertificateFromFile(certificatePath);
        var extension = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().SingleOrDefault();
        return extension is null ? [] : [.. extension.EnumerateDnsNames(), .. extension.EnumerateIPAddresses().Select(a => a.ToString())];
    }

    [Fact]
    public async Task A_plaintext_network_pins_nothing_and_its_nodes_say_so()
    {
        await using var harness = new NetworkHarness();
        var manifest = NetworkGenerator.Create(harness.Layout, new NetworkSpec(2, "eth", harness.BasePort, Tls: false), NetworkHarness.Password, TimeProvider.System);
        Assert.All(GenesisDocument.Load(harness.Layout.GenesisPath).Organisations, o => Assert.Null(o.TlsCaCertificates));
        Assert.StartsWith("http://", manifest.Nodes[0].Endpoint);
        var args = NodeCommandLine.For(harness.Layout, manifest, manifest.Nodes[0]);
        Assert.Contains("--insecure-plaintext", args);
        Assert.DoesNotContain("--tls-cert", args);
        Assert.False(File.Exists(harness.Layout.Node(1).CaCertPath));
    }

    [Fact]
    public async Task A_single_node_is_started_without_peers()
    {
        await using var harness = new NetworkHarness();
        var manifest = harness.Generate(1);

        Assert.DoesNotContain("--peers", NodeCommandLine.For(harness.Layout, manifest, manifest.Nodes[0]));
    }

    [Theory]
    [InlineData(0, "eth", 5100, 1, "--nodes must be 1–99")]
    [InlineData(100, "eth", 5100, 1, "--nodes must be 1–99")]
    [InlineData(4, "eth", 80, 1, "--base-port must be at least 1024")]
    [InlineData(4, "eth", 65400, 1, "leaves no room")]
    [InlineData(4, "rsa", 5100, 1, "--suite must be eth or sm")]
    [InlineData(4, "eth", 5100, 0, "--admins must be 1–4 (at most the number of organisations, --nodes), got 0")]
    [InlineData(4, "eth", 5100, 5, "--admins must be 1–4 (at most the number of organisations, --nodes), got 5")]
    public void Specs_that_cannot_be_generated_are_refused(int nodes, string suite, int basePort, int admins, string message)
    {
        var e = Assert.Throws<NetworkException>(() => new NetworkSpec(nodes, suite, basePort, Admins: admins).Validate());
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void The_tlnet_build_puts_the_node_with_its_runtime_files_beside_tlnet()
    {
        var node = Path.GetDirectoryName(BuiltTlnet.NodeDll)!;
        Assert.True(File.Exists(Path.Combine(node, "TrustLedger.Node.runtimeconfig.json")));
        Assert.True(File.Exists(Path.Combine(node, "TrustLedger.Node.deps.json")));
        Assert.True(File.Exists(Path.Combine(node, "appsettings.json")));
    }

    [Fact]
    public void An_explicit_node_binary_is_run_with_dotnet_when_it_is_a_dll_and_directly_otherwise()
    {
        var dll = NodeBinary.Locate(BuiltTlnet.NodeDll);
        Assert.Equal([BuiltTlnet.NodeDll], dll.Arguments);
        Assert.Equal("dotnet", Path.GetFileNameWithoutExtension(dll.FileName));

        var script = Path.Combine(Path.GetTempPath(), $"tlnet-node-{Guid.NewGuid():N}.sh");
        File.WriteAllText(script, "#!/bin/sh\n");
        try
        {
            var direct = NodeBinary.Locate(script);
            Assert.Equal(script, direct.FileName);
            Assert.Empty(direct.Arguments);
        }
        finally
        {
            File.Delete(script);
        }

        var missing = Assert.Throws<NetworkException>(() => NodeBinary.Locate("/nonexistent/TrustLedger.Node.dll"));
        Assert.Contains("--node-bin /nonexistent/TrustLedger.Node.dll does not exist", missing.Message);
    }
}
