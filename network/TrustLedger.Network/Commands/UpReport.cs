using System.Text.Json;
using System.Text.Json.Nodes;
using TrustLedger.Network.Lifecycle;

namespace TrustLedger.Network.Commands;

/// <summary>What <c>up</c> prints: what it did, a table of endpoints and keys, and commands to try next.</summary>
internal static class UpReport
{
    public static void Print(UpResult result, bool json)
    {
        var network = result.Network;
        var rows = network.Nodes.Select(n => (Node: n, Validator: network.ValidatorAddress(n.Index).ToString(), ClientKey: network.Files(n.Index).ClientKeyPath)).ToList();
        if (json)
        {
            var root = new JsonObject
            {
                ["dir"] = network.Layout.Root,
                ["created"] = result.Created,
                ["chainId"] = network.Manifest.ChainId,
                ["suite"] = network.Manifest.Suite,
                ["genesis"] = network.Layout.GenesisPath,
                ["tls"] = network.Nodes.All(n => n.Tls),
                ["caBundle"] = network.Nodes.All(n => n.Tls) ? network.Layout.CaBundlePath : null,
                ["admins"] = new JsonArray([.. rows.Where(r => network.Manifest.IsAdmin(r.Node)).Select(r => (JsonNode)r.Node.Organisation)]),
                ["approvalsNeeded"] = network.Manifest.ApprovalsNeeded,
                ["started"] = new JsonArray([.. result.Started.Select(i => (JsonNode)i)]),
                ["nodes"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
                {
                    ["node"] = r.Node.Index,
                    ["organisation"] = r.Node.Organisation,
                    ["admin"] = network.Manifest.IsAdmin(r.Node),
                    ["endpoint"] = r.Node.Endpoint,
                    ["validator"] = r.Validator,
                    ["clientKey"] = r.ClientKey,
                    ["clientCert"] = r.Node.Tls ? network.Files(r.Node.Index).ClientCertPath : null,
                    ["clientTlsKey"] = r.Node.Tls ? network.Files(r.Node.Index).ClientTlsKeyPath : null,
                    ["pid"] = network.RunningPid(r.Node.Index),
                })]),
            };
            Console.WriteLine(root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return;
        }

        var dir = DisplayPath.Of(network.Layout.Root);
        if (result.Created)
            Console.WriteLine($"created a {network.Nodes.Count}-organisation network in {dir} (chain {network.Manifest.ChainId}, suite {network.Manifest.Suite}, genesis {DisplayPath.Of(network.Layout.GenesisPath)})");
        if (result.Started.Count > 0) Console.WriteLine($"started node{Plural(result.Started)} {string.Join(", ", result.Started)}");
        if (result.AlreadyRunning.Count > 0) Console.WriteLine($"already running: node{Plural(result.AlreadyRunning)} {string.Join(", ", result.AlreadyRunning)}");
        Console.WriteLine(Governance(network.Manifest));
        Console.WriteLine(network.Nodes.All(n => n.Tls)
            ? $"mutual TLS: every node serves TLS 1.3 and requires a client certificate issued by a CA pinned in the genesis; each organisation's CA, node and client certificates are next to its keys, every CA in {DisplayPath.Of(network.Layout.CaBundlePath)}"
            : "PLAINTEXT: the nodes run --insecure-plaintext (no TLS); use it for comparisons only");
        Console.WriteLine();
        Table.Print(["org", "node", "validator", "client key"],
            [.. rows.Select(r => (IReadOnlyList<string>)[r.Node.Organisation, r.Node.Endpoint, r.Validator, DisplayPath.Of(r.ClientKey)])]);

        var first = rows[0];
        var other = rows[^1];
        Console.WriteLine();
        Console.WriteLine("try (tl is `dotnet run -c Release --project sdk/TrustLedger.Cli --`, tlnet is `dotnet run -c Release --project network/TrustLedger.Network --`):");
        var tls = Tls(network, first.Node);
        Console.WriteLine($"  tl status --node {first.Node.Endpoint}{tls}");
        Console.WriteLine($"  tl submit --payload \"hello\" --node {first.Node.Endpoint} --key {DisplayPath.Of(first.ClientKey)}{tls}");
        Console.WriteLine($"  tl block follow --node {other.Node.Endpoint}{tls}");
        if (network.Manifest.ApprovalsNeeded == 1) // org1 is an admin whose proposals execute at once
            Console.WriteLine($"  tl demo --node {first.Node.Endpoint} --key {DisplayPath.Of(first.ClientKey)}{tls}");
        Console.WriteLine($"  tlnet status --dir {dir}");
        Console.WriteLine($"  tlnet logs --dir {dir} {other.Node.Index}");
        Console.WriteLine($"  tlnet down --dir {dir}");
    }

    /// <summary>The TLS options of a <c>tl</c> command acting as <paramref name="node"/>'s organisation, or "" on a plaintext network.</summary>
    internal static string Tls(LocalNetwork network, Layout.NodeEntry node)
    {
        if (!node.Tls) return "";
        var files = network.Files(node.Index);
        return $" --tls-cert {DisplayPath.Of(files.ClientCertPath)} --tls-key {DisplayPath.Of(files.ClientTlsKeyPath)} --ca {DisplayPath.Of(network.Layout.CaBundlePath)}";
    }

    /// <summary>Which organisations are admins and what a governance proposal needs, e.g. "admin: org1 — a governance proposal needs 1 approval …".</summary>
    internal static string Governance(Layout.NetworkManifest manifest)
    {
        var admins = manifest.Nodes.Where(manifest.IsAdmin).Select(n => n.Organisation).ToList();
        var approvals = manifest.ApprovalsNeeded;
        var others = manifest.Nodes.Count - admins.Count;
        return $"admin{(admins.Count == 1 ? "" : "s")}: {string.Join(", ", admins)} — a governance proposal needs {approvals} approval{(approvals == 1 ? "" : "s")} " +
            $"(a majority of {admins.Count} admin organisation{(admins.Count == 1 ? "" : "s")})" +
            (others == 0 ? "" : $"; the other {(others == 1 ? "organisation holds" : $"{others} organisations hold")} every role but admin");
    }

    private static string Plural(IReadOnlyList<int> items) => items.Count == 1 ? "" : "s";
}
