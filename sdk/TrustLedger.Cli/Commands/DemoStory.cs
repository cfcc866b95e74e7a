using System.Text.Json.Nodes;
using TrustLedger.Contracts.Governance;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Crypto.KeyFiles;
using TrustLedger.Sdk;
using TrustLedger.Sdk.Tls;
using TrustLedger.Sdk.Domain;

namespace TrustLedger.Cli.Commands;

/// <summary>
/// The demo's cast and script. One file per act: governance (here), <c>DemoStory.DataSharing.cs</c>,
/// <c>DemoStory.Cases.cs</c>, <c>DemoStory.Points.cs</c>, <c>DemoStory.Summary.cs</c>. Each act prints as it goes
/// (text) and records its facts for <c>--json</c>.
/// </summary>
internal sealed partial class DemoStory(TrustLedgerClient admin, DemoStage stage, bool json, string tag, string keysDir, CancellationToken cancellation)
    : IDisposable
{
    private readonly JsonObject _facts = new();
    private readonly List<TrustLedgerClient> _clients = [];
    private readonly string _password = Environment.GetEnvironmentVariable("TL_KEY_PASSWORD") is { Length: > 0 } p ? p : "dev";
    private Cast _cast = null!;

    /// <summary>An organisation of the story: its id, its key and a client signing with it.</summary>
    private sealed record Actor(string Id, string Name, KeyPair Key, TrustLedgerClient Client);

    private sealed record Cast(Actor Hub, Actor Police, Actor Civil, Actor Community, Actor Store);

    public async Task PlayAsync()
    {
        Say($"TrustLedger demo on {admin.ChainId} ({admin.Suite.Name}) at {stage.Endpoint}, run {tag}; keys in {keysDir}");
        _facts["chainId"] = admin.ChainId;
        _facts["run"] = tag;
        _facts["admin"] = stage.Organisation;
        _facts["keysDir"] = keysDir;
        await GovernanceAsync();
        await DataSharingAsync();
        await CaseAsync();
        await PointsAsync();
        await SummaryAsync();
        if (json) DomainCli.PrintJson(_facts);
    }

    private async Task GovernanceAsync()
    {
        Heading("1. Governance — organisations join by proposal; the admins' quorum approves");
        Directory.CreateDirectory(keysDir);
        var joined = await Task.WhenAll(
            JoinAsync("city-hub", "Jiaxing social governance hub", Roles.Hub),
            JoinAsync("psb", "Public Security Bureau", Roles.Department),
            JoinAsync("civil-affairs", "Civil Affairs Bureau", Roles.Department),
            JoinAsync("nanhu-community", "Nanhu community (微嘉园)", Roles.Community),
            JoinAsync("grocery", "Nanhu neighbourhood grocery (redemption store)", Roles.Store));
        _cast = new Cast(joined[0], joined[1], joined[2], joined[3], joined[4]);
        _facts["organisations"] = new JsonObject
        {
            ["hub"] = _cast.Hub.Id, ["departmentA"] = _cast.Police.Id, ["departmentB"] = _cast.Civil.Id,
            ["community"] = _cast.Community.Id, ["store"] = _cast.Store.Id,
        };
    }

    private async Task<Actor> JoinAsync(string name, string title, string role)
    {
        var id = $"{name}-{tag}";
        var key = admin.Suite.GenerateKey();
        KeyFile.Save(key, Path.Combine(keysDir, $"{id}.key.json"), _password, ScryptCost.Light);
        var proposal = await admin.Governance.AddOrganisationAsync(id, title, [role], [key.PublicKey], $"tl demo: {title} joins the network", cancellation);
        if (proposal.Status != "executed")
            throw new CliException($"proposal {proposal.Id} to add {id} is {proposal.Status}: more admins than '{stage.Organisation}' must approve it (`tl gov approve`) before the demo can go on");
        var client = await TrustLedgerClient.ConnectAsync(stage.Endpoint, key, await TlsFor(id, title, cancellation), cancellation);
        lock (_clients) _clients.Add(client);
        Say($"   {id,-28} {role,-11} proposal {DomainCli.Short(proposal.Id)} executed in block {proposal.Height}");
        return new Actor(id, title, key, client);
    }

    /// <summary>
    /// On a network with mutual TLS, a new organisation needs its own certificate: a certificate of the admin's
    /// organisation never acts for another. The demo makes it a CA (as tlnet does), has governance pin it, and issues
    /// the organisation's client certificate into the keys folder. Null on a plaintext dev node.
    /// </summary>
    private async Task<TlsClientOptions?> TlsFor(string id, string title, CancellationToken cancellation)
    {
        if (admin.Tls is not { } adminTls) return null;
        using var ca = CertificateAuthority.Create(id, TimeProvider.System);
        using var certificate = ca.IssueClient(id);
        var (certificatePath, keyPath) = (Path.Combine(keysDir, $"{id}.tls.crt"), Path.Combine(keysDir, $"{id}.tls.key"));
        CertificateAuthority.Save(certificate, certificatePath, keyPath);
        var pinned = await admin.Governance.SetTlsCertificatesAsync(id, [ca.Certificate.RawData], $"tl demo: pin the TLS CA of {title}", cancellation);
        if (pinned.Status != "executed")
            throw new CliException($"proposal {pinned.Id} to pin the TLS CA of {id} is {pinned.Status}: more admins must approve it (`tl gov approve`)");
        return adminTls with { CertificatePath = certificatePath, KeyPath = keyPath }; // the node is still verified against the admin's --ca
    }

    private void Heading(string text) => Say("\n" + text);

    private void Say(string line)
    {
        if (!json) Console.WriteLine(line);
    }

    /// <summary>Runs an action the ledger must refuse, and reports the refusal (the demo fails if it is accepted).</summary>
    private async Task<string> RefusedAsync(string what, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (TransactionRejectedException e)
        {
            Say($"   refused as expected — {what}: {e.Code}: {e.Reason}");
            return e.Code.ToString();
        }
        throw new CliException($"the ledger accepted what it must refuse: {what}");
    }

    public void Dispose()
    {
        foreach (var client in _clients) client.Dispose();
    }
}
