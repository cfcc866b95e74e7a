using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Messages;
using TrustLedger.EndToEnd.Tests.Support;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Sdk;
using TrustLedger.Sdk.Domain;
using Xunit;

namespace TrustLedger.EndToEnd.Tests.Access;

/// <summary>
/// One small city on a dev node for the read-policy tests: a dataset of civil affairs granted to the police, a case
/// the hub handed to the police, points a community organisation awarded to a resident who redeemed some at a store,
/// an auditor, an unrelated department, the resident's own client and an anonymous one.
/// </summary>
public sealed class AccessScenario : IDisposable
{
    private AccessScenario(DomainNetwork net) => Net = net;

    public DomainNetwork Net { get; }
    public Member Civil { get; private set; } = null!;
    public Member Police { get; private set; } = null!;
    public Member Water { get; private set; } = null!;
    public Member Hub { get; private set; } = null!;
    public Member Auditor { get; private set; } = null!;
    public Member Community { get; private set; } = null!;
    public Member Store { get; private set; } = null!;
    public ResidentWallet Resident { get; private set; } = null!;
    public TrustLedgerClient ResidentClient { get; private set; } = null!;
    public TrustLedgerClient Anonymous { get; private set; } = null!;
    public string DatasetId { get; private set; } = "";
    public string GrantId { get; private set; } = "";
    public string CaseId { get; private set; } = "";
    public TxReceipt RegisterReceipt { get; private set; } = null!;

    public static async Task<AccessScenario> CreateAsync(NodeFixture fixture)
    {
        var s = new AccessScenario(new DomainNetwork(fixture));
        var net = s.Net;
        s.Civil = await net.AddAsync("civil", Roles.Department);
        s.Police = await net.AddAsync("psb", Roles.Department);
        s.Water = await net.AddAsync("water", Roles.Department);
        s.Hub = await net.AddAsync("hub", Roles.Hub);
        s.Auditor = await net.AddAsync("audit", Roles.Auditor);
        s.Community = await net.AddAsync("comm", Roles.Community);
        s.Store = await net.AddAsync("shop", Roles.Store);

        var dataset = await s.Civil.Client.DataSharing.RegisterDatasetAsync("household register", ["household_id", "address"], Sensitivity.Confidential);
        (s.DatasetId, s.RegisterReceipt) = (dataset.Id, dataset.Receipt);
        s.GrantId = (await s.Police.Client.DataSharing.RequestAccessAsync(s.DatasetId, ["address"], "verify a residence", "agreement art. 3", TimeSpan.FromDays(30))).Id;
        await s.Civil.Client.DataSharing.ApproveAsync(s.GrantId);

        s.CaseId = (await s.Hub.Client.Cases.ReportAsync("public-order", "grid-330402-017", new byte[32], Severity.Medium)).Id;
        await s.Hub.Client.Cases.HandOverAsync(s.CaseId, s.Police.Id, DateTimeOffset.UtcNow.AddDays(2));

        s.Resident = new ResidentWallet(net.NewResident(), s.Community.Client.ChainId);
        await s.Community.Client.Points.AwardAsync(s.Resident.Address, 100, "volunteer.cleanup");
        await s.Store.Client.Points.RedeemAsync(s.Resident.AuthoriseRedemption(s.Store.Id, 30, redemptionId: "r-1"));

        s.ResidentClient = await TrustLedgerClient.ConnectAsync(fixture.Node.Endpoint, s.Resident.Key);
        s.Anonymous = await TrustLedgerClient.ConnectAsync(fixture.Node.Endpoint);
        return s;
    }

    public void Dispose()
    {
        ResidentClient?.Dispose();
        Anonymous?.Dispose();
        Net.Dispose();
    }
}
