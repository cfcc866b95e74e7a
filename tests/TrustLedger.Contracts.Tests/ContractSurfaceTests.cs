using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Grants;
using TrustLedger.Contracts.Handovers;
using TrustLedger.Contracts.Membership;
using TrustLedger.Contracts.Messages;
using TrustLedger.Contracts.Points;
using TrustLedger.Contracts.Tests.Properties;
using TrustLedger.Contracts.Tests.Support;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;
using Xunit;

namespace TrustLedger.Contracts.Tests;

public sealed partial class ContractSurfaceTests
{
    public static TheoryData<string> AllTypes() => [.. RoleProperties.RequiredRoles.Select(r => r.Type)];

    [Theory, MemberData(nameof(AllTypes))]
    public void A_malformed_payload_is_invalid_and_changes_nothing(string type)
    {
        var net = new TestNetwork([.. TestNetwork.DefaultOrganisations, ("all", [.. Roles.All])]);
        var before = net.State.Dump();
        // field 1 as a varint where every payload expects a string or bytes, then a truncated length
        var outcome = net.Run(TestNetwork.KeyOf("all"), type, [0x0a, 0x05, 0x01]);
        Assert.Equal(ErrorCode.InvalidArgument, outcome.Code);
        Assert.Contains("payload", outcome.Message);
        Assert.Equal(before, net.State.Dump());
    }

    [Theory]
    [InlineData("gov.vote")]
    [InlineData("data.grant")]
    [InlineData("case.open")]
    [InlineData("points.transfer")]
    public void An_unknown_action_is_invalid(string type)
    {
        var net = new TestNetwork([.. TestNetwork.DefaultOrganisations, ("all", [.. Roles.All])]);
        var outcome = net.Run(TestNetwork.KeyOf("all"), type, []);
        Assert.Equal(ErrorCode.InvalidArgument, outcome.Code);
        Assert.Contains("known:", outcome.Message);
    }

    [Fact]
    public void The_registry_routes_every_prefix()
    {
        var registry = ContractRegistry.Create(TestNetwork.Suite, TestNetwork.ChainId);
        Assert.Equal(["anchor", "case", "data", "gov", "points"], registry.Prefixes);
        foreach (var (type, _) in RoleProperties.RequiredRoles) Assert.NotNull(registry.Find(type));
    }

    [Fact]
    public void No_state_or_payload_message_has_a_map_field()
    {
        var files = new[] { CommonReflection.Descriptor, GovernanceReflection.Descriptor, DataSharingReflection.Descriptor, HandoversReflection.Descriptor, PointsReflection.Descriptor };
        foreach (var message in files.SelectMany(f => f.MessageTypes))
            foreach (var field in message.Fields.InDeclarationOrder())
                Assert.False(field.IsMap, $"{message.Name}.{field.Name} is a map: its serialisation order is not fixed");
        Assert.All(files, f => Assert.Equal("trustledger.contracts.v1", f.Package));
    }

    [Fact]
    public void The_executor_reads_member_keys_as_raw_address_to_utf8_organisation()
    {
        var net = new TestNetwork();
        var address = TestNetwork.AddressOf("dept-a");
        byte[] key = [.. "m/key/"u8, .. address.Bytes];
        Assert.Equal(key, MembershipState.KeyEntry(address));
        Assert.Equal("dept-a"u8.ToArray(), net.State.Get(key));
        Assert.True(MembershipState.IsMemberKey(key));
        Assert.False(MembershipState.IsMemberKey("m/org/dept-a"u8));
    }

    /// <summary>Golden vector: what a resident signs for a redemption. Changing it invalidates every issued authorisation.</summary>
    [Fact]
    public void Redemption_signing_bytes_are_pinned()
    {
        var resident = new Address(Enumerable.Range(1, 20).Select(i => (byte)i).ToArray());
        var bytes = RedemptionAuthorisation.SigningBytes("jx", resident, "store-1", 300, "r-7", 1_767_225_600_000);
        Assert.Equal(
            "544c2f706f696e74732d72656465656d2f7631" + "000000026a78" + "0102030405060708090a0b0c0d0e0f1011121314" +
            "0000000773746f72652d31" + "000000000000012c" + "00000003722d37" + "0000019b76daa800",
            Convert.ToHexStringLower(bytes));
    }

    /// <summary>The banned-API analyzer cannot see the <c>float</c>/<c>double</c>/<c>decimal</c> keywords; this scan does.</summary>
    [Fact]
    public void Contract_sources_use_no_floating_point_or_unordered_collections()
    {
        var root = Path.Combine(RepositoryRoot(), "contracts", "TrustLedger.Contracts");
        var offenders = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal) && Forbidden().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [GeneratedRegex(@"\b(float|double|decimal)\b|\bDateTime(Offset)?\.(Now|UtcNow|Today)\b|\bnew Random\b|Guid\.NewGuid|\bHashSet<|\bDictionary<")]
    private static partial Regex Forbidden();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TrustLedger.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("TrustLedger.sln not found above the test binaries");
    }
}
