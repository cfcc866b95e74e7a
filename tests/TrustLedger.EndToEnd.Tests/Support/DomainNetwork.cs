using Grpc.Core;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Sdk;
using Xunit;

namespace TrustLedger.EndToEnd.Tests.Support;

/// <summary>An organisation added through governance: its id, its fresh key and a client signing with it.</summary>
public sealed record Member(string Id, KeyPair Key, TrustLedgerClient Client);

/// <summary>
/// Organisations added to a dev node through governance, the way <c>tl demo</c> does it: the dev client (the only admin,
/// so the threshold is 1) proposes <c>AddOrganisation</c> with a fresh key, and the proposal executes at once.
/// Ids carry a random suffix, because organisation ids are never reused and tests share a node.
/// </summary>
public sealed class DomainNetwork(string endpoint, TrustLedgerClient admin) : IDisposable
{
    public DomainNetwork(NodeFixture fixture) : this(fixture.Node.Endpoint, fixture.Client)
    {
    }

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..6];
    private readonly List<Member> _members = [];

    /// <summary>The dev organisation's client: admin (and every other role).</summary>
    public TrustLedgerClient Admin => admin;

    public string Id(string name) => $"{name}-{_suffix}";

    /// <summary>Adds one organisation with a fresh key and returns it connected.</summary>
    public async Task<Member> AddAsync(string name, params string[] roles)
    {
        var id = Id(name);
        var key = Admin.Suite.GenerateKey();
        var proposal = await Admin.Governance.AddOrganisationAsync(id, $"{name} (test)", roles, [key.PublicKey], $"add {id} for a test");
        Assert.Equal("executed", proposal.Status);
        var member = new Member(id, key, await TrustLedgerClient.ConnectAsync(endpoint, key));
        lock (_members) _members.Add(member);
        return member;
    }

    /// <summary>A fresh resident key: not a member, never submits.</summary>
    public KeyPair NewResident() => Admin.Suite.GenerateKey();

    /// <summary>
    /// Runs an action that must be refused with <paramref name="code"/> and checks it changed nothing: the node's height
    /// and state root, and <paramref name="query"/> (rendered as text), are the same before and after.
    /// </summary>
    public async Task<TransactionRejectedException> AssertRefusedAsync(StatusCode code, Func<Task> action, Func<Task<object?>> query)
    {
        var before = await Admin.GetStatusAsync();
        var queried = (await query())?.ToString();
        var refused = await Assert.ThrowsAsync<TransactionRejectedException>(action);
        Assert.Equal(code, refused.Code);
        Assert.False(string.IsNullOrWhiteSpace(refused.Reason));
        var after = await Admin.GetStatusAsync();
        Assert.Equal(before.Height, after.Height);
        Assert.Equal(before.StateRoot, after.StateRoot);
        Assert.Equal(queried, (await query())?.ToString());
        return refused;
    }

    public void Dispose()
    {
        foreach (var member in _members) member.Client.Dispose();
    }
}
