using TrustLedger.Contracts.Governance;
using TrustLedger.Network.Layout;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Crypto.KeyFiles;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Primitives;
using TrustLedger.Sdk.Tls;

namespace TrustLedger.Network.Generation;

/// <summary>
/// Writes a new network's files: per organisation a validator key and a client key (Web3 v3 key files at the light
/// scrypt cost of dev networks) and, unless plaintext, a TLS CA with a node and a client certificate; one genesis naming
/// every validator and pinning every CA, and the manifest last.
/// </summary>
public static class NetworkGenerator
{
    /// <summary>Organisation K's id.</summary>
    public static string OrganisationId(int index) => $"org{index}";

    /// <summary>Every role of the dev genesis but <c>admin</c>: what the organisations after the first K admins hold.</summary>
    public static readonly IReadOnlyList<string> MemberRoles = [.. DevGenesis.AllRoles.Where(role => role != Roles.Admin)];

    /// <summary>
    /// Organisation K's roles in a network with <paramref name="admins"/> admin organisations: org1..org{admins} hold
    /// every role, like DevGenesis's <c>dev</c>; the others hold every role except <c>admin</c>.
    /// </summary>
    public static IReadOnlyList<string> RolesOf(int index, int admins) => index <= admins ? DevGenesis.AllRoles : MemberRoles;

    /// <exception cref="NetworkException">The folder is not empty, or the spec is invalid.</exception>
    public static NetworkManifest Create(NetworkLayout layout, NetworkSpec spec, string password, TimeProvider time)
    {
        spec.Validate();
        CheckFolder(layout);
        var createdRoot = !Directory.Exists(layout.Root);
        try
        {
            return Write(layout, spec, password, time);
        }
        catch
        {
            // Leave no half-made network behind: the next `up` would refuse the folder.
            if (createdRoot) Directory.Delete(layout.Root, recursive: true);
            else foreach (var entry in new DirectoryInfo(layout.Root).EnumerateFileSystemInfos()) Delete(entry);
            throw;
        }
    }

    /// <summary>A new network goes into a missing or empty folder, never over someone's files.</summary>
    /// <exception cref="NetworkException">The folder has files but no network.</exception>
    public static void CheckFolder(NetworkLayout layout)
    {
        if (File.Exists(layout.Root)) throw new NetworkException($"{layout.Root} is a file; give --dir a folder");
        if (Directory.Exists(layout.Root) && Directory.EnumerateFileSystemEntries(layout.Root).Any())
            throw new NetworkException($"{layout.Root} exists and is not a tlnet network (it has no {NetworkLayout.ManifestFile}); choose an empty or new folder");
    }

    private static NetworkManifest Write(NetworkLayout layout, NetworkSpec spec, string password, TimeProvider time)
    {
        var suite = CryptoSuites.Get(spec.Suite);
        var organisations = new List<OrganisationEntry>();
        var validators = new List<ValidatorEntry>();
        var nodes = new List<NodeEntry>();
        for (var index = 1; index <= spec.Nodes; index++)
        {
            var files = layout.Node(index);
            Directory.CreateDirectory(files.Dir);
            var validator = suite.GenerateKey();
            var client = suite.GenerateKey();
            KeyFile.Save(validator, files.ValidatorKeyPath, password, ScryptCost.Light);
            KeyFile.Save(client, files.ClientKeyPath, password, ScryptCost.Light);
            var ports = PortPlan.For(spec.BasePort, index);
            var node = new NodeEntry { Index = index, Organisation = OrganisationId(index), GrpcPort = ports.Grpc, SiloPort = ports.Silo, GatewayPort = ports.Gateway, Tls = spec.Tls };
            organisations.Add(new OrganisationEntry
            {
                Id = node.Organisation,
                Name = $"Organisation {index}",
                Roles = RolesOf(index, spec.Admins),
                Keys = [Hex.Encode(validator.PublicKey), Hex.Encode(client.PublicKey)],
                TlsCaCertificates = spec.Tls ? [WriteCertificates(files, node, spec.HostNamesOf(index), time)] : null,
            });
            validators.Add(new ValidatorEntry { Organisation = node.Organisation, PublicKey = Hex.Encode(validator.PublicKey), Endpoint = node.Endpoint });
            nodes.Add(node);
        }
        var genesis = new GenesisDocument
        {
            ChainId = spec.ChainId,
            CryptoSuite = suite.Name,
            GenesisTimeMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
            Organisations = organisations,
            Validators = validators,
        };
        genesis.Validate();
        File.WriteAllText(layout.GenesisPath, genesis.ToJson());
        if (spec.Tls) File.WriteAllText(layout.CaBundlePath, string.Join("\n", organisations.SelectMany(o => o.TlsCaCertificates ?? [])) + "\n");
        var manifest = new NetworkManifest { ChainId = spec.ChainId, Suite = suite.Name, BasePort = spec.BasePort, Admins = spec.Admins, Nodes = nodes };
        AtomicFile.Write(layout.ManifestPath, manifest.ToJson());
        return manifest;
    }

    /// <summary>
    /// The organisation's CA, node and client certificates, written next to its keys, the node's naming
    /// <paramref name="hostNames"/> besides loopback; returns the CA's PEM for the genesis.
    /// </summary>
    private static string WriteCertificates(NodeLayout files, NodeEntry node, IReadOnlyList<string> hostNames, TimeProvider time)
    {
        using var ca = CertificateAuthority.Create(node.Organisation, time);
        CertificateAuthority.Save(ca.Certificate, files.CaCertPath, files.CaKeyPath);
        using (var server = ca.IssueNode(node.Organisation, node.Index, hostNames)) CertificateAuthority.Save(server, files.NodeCertPath, files.NodeKeyPath);
        using (var client = ca.IssueClient(node.Organisation)) CertificateAuthority.Save(client, files.ClientCertPath, files.ClientTlsKeyPath);
        return ca.Certificate.ExportCertificatePem();
    }

    private static void Delete(FileSystemInfo entry)
    {
        if (entry is DirectoryInfo dir) dir.Delete(recursive: true);
        else entry.Delete();
    }
}
