using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using TrustLedger.Contracts.Governance;
using TrustLedger.EndToEnd.Tests.Support;
using TrustLedger.Proto.Api.V1;
using TrustLedger.Sdk;
using Xunit;

namespace TrustLedger.EndToEnd.Tests.Access;

/// <summary>
/// The read policy over real gRPC, service by service: each rule allowed for those it names and refused for the
/// others — PERMISSION_DENIED for a known caller, UNAUTHENTICATED without an identity — with a hidden entity refused
/// exactly as a missing one. The table of the pure rules is ReadPolicyTests; this proves each service applies them.
/// </summary>
[Collection(DomainCollection.Name)]
public sealed class ReadAccessTests(NodeFixture fixture) : IAsyncLifetime
{
    private AccessScenario _s = null!;

    public async Task InitializeAsync() => _s = await AccessScenario.CreateAsync(fixture);

    public Task DisposeAsync()
    {
        _s.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Query_data_sharing_follows_the_grant_rules()
    {
        var (s, grant) = (_s, _s.GrantId);
        Assert.NotNull(await s.Civil.Client.DataSharing.GetGrantAsync(grant));
        Assert.NotNull(await s.Police.Client.DataSharing.GetGrantAsync(grant));
        Assert.NotNull(await s.Auditor.Client.DataSharing.GetGrantAsync(grant));
        Assert.NotNull(await s.Net.Admin.DataSharing.GetGrantAsync(grant));
        var hidden = await Refused(StatusCode.PermissionDenied, () => s.Water.Client.DataSharing.GetGrantAsync(grant));
        var missing = await Refused(StatusCode.PermissionDenied, () => s.Water.Client.DataSharing.GetGrantAsync(new string('e', 64)));
        Assert.Equal(hidden.Replace(grant, "<id>"), missing.Replace(new string('e', 64), "<id>")); // nothing tells which exists
        Assert.Null(await s.Auditor.Client.DataSharing.GetGrantAsync(new string('e', 64)));   // an auditor sees all: NOT_FOUND
        await Refused(StatusCode.PermissionDenied, () => s.ResidentClient.DataSharing.GetGrantAsync(grant));
        await Refused(StatusCode.Unauthenticated, () => s.Anonymous.DataSharing.GetGrantAsync(grant));

        Assert.Empty(await s.Police.Client.DataSharing.GetAccessLogAsync(grant));
        Assert.Empty(await s.Auditor.Client.DataSharing.GetAccessLogAsync(grant));
        await Refused(StatusCode.PermissionDenied, () => s.Water.Client.DataSharing.GetAccessLogAsync(grant));

        Assert.Single(await s.Civil.Client.DataSharing.ListDatasetGrantsAsync(s.DatasetId));
        await Refused(StatusCode.PermissionDenied, () => s.Police.Client.DataSharing.ListDatasetGrantsAsync(s.DatasetId));
        Assert.Single(await s.Police.Client.DataSharing.ListGrantsRequestedByAsync(s.Police.Id));
        Assert.Single(await s.Auditor.Client.DataSharing.ListGrantsRequestedByAsync(s.Police.Id));
        await Refused(StatusCode.PermissionDenied, () => s.Civil.Client.DataSharing.ListGrantsRequestedByAsync(s.Police.Id));
        await Refused(StatusCode.PermissionDenied, () => s.Water.Client.DataSharing.ListOutstandingRequestsAsync(s.Police.Id));
        await Refused(StatusCode.PermissionDenied, () => s.Water.Client.DataSharing.ListRequestsAwaitingDecisionAsync(s.Civil.Id));
        Assert.Empty(await s.Civil.Client.DataSharing.ListRequestsAwaitingDecisionAsync(s.Civil.Id));

        // The catalogue is membership-wide: every member reads it, a resident's key and an anonymous caller do not.
        Assert.NotNull(await s.Water.Client.DataSharing.GetDatasetAsync(s.DatasetId));
        await Refused(StatusCode.PermissionDenied, () => s.ResidentClient.DataSharing.GetDatasetAsync(s.DatasetId));
        await Refused(StatusCode.Unauthenticated, () => s.Anonymous.DataSharing.ListDatasetsAsync(s.Civil.Id));
    }

    [Fact]
    public async Task Query_cases_follow_the_hand_over_chain()
    {
        var (s, id) = (_s, _s.CaseId);
        Assert.NotNull(await s.Police.Client.Cases.GetCaseAsync(id));
        Assert.NotNull(await s.Hub.Client.Cases.GetCaseAsync(id));
        Assert.NotNull(await s.Auditor.Client.Cases.GetCaseAsync(id));
        Assert.NotEmpty(await s.Police.Client.Cases.GetHistoryAsync(id));
        await Refused(StatusCode.PermissionDenied, () => s.Water.Client.Cases.GetCaseAsync(id));
        await Refused(StatusCode.PermissionDenied, () => s.Water.Client.Cases.GetHistoryAsync(id));
        await Refused(StatusCode.Unauthenticated, () => s.Anonymous.Cases.GetCaseAsync(id));

        Assert.Contains(await s.Police.Client.Cases.GetInboxAsync(s.Police.Id), c => c.Id == id);
        Assert.Contains(await s.Hub.Client.Cases.GetInboxAsync(s.Police.Id), c => c.Id == id);
        await Refused(StatusCode.PermissionDenied, () => s.Water.Client.Cases.GetInboxAsync(s.Police.Id));
        await Refused(StatusCode.PermissionDenied, () => s.Water.Client.Cases.ListOverdueAsync(s.Police.Id));
        await Refused(StatusCode.PermissionDenied, () => s.Police.Client.Cases.ListOverdueAsync());
        Assert.NotEmpty(await s.Hub.Client.Cases.ListCasesAsync());
        await Refused(StatusCode.PermissionDenied, () => s.Police.Client.Cases.ListCasesAsync());
        await Refused(StatusCode.PermissionDenied, () => s.Police.Client.Cases.GetHubQueueAsync());
        Assert.NotNull(await s.Water.Client.Cases.GetStatisticsAsync());          // statistics: every member
        await Refused(StatusCode.PermissionDenied, () => s.ResidentClient.Cases.GetStatisticsAsync());
    }

    [Fact]
    public async Task Query_points_belong_to_the_resident_and_show_issuers_and_stores_their_own_entries()
    {
        var (s, resident) = (_s, _s.Resident.Address);
        Assert.Equal(70UL, (await s.ResidentClient.Points.GetBalanceAsync(resident)).Usable);
        Assert.Equal(70UL, (await s.Auditor.Client.Points.GetBalanceAsync(resident)).Usable);
        await Refused(StatusCode.PermissionDenied, () => s.Community.Client.Points.GetBalanceAsync(resident));
        await Refused(StatusCode.PermissionDenied, () => s.Store.Client.Points.GetBalanceAsync(resident));
        await Refused(StatusCode.Unauthenticated, () => s.Anonymous.Points.GetBalanceAsync(resident));

        Assert.Equal(2, (await s.ResidentClient.Points.GetHistoryAsync(resident)).Count);
        Assert.Equal([s.Community.Id], (await s.Community.Client.Points.GetHistoryAsync(resident)).Select(e => e.Organisation));
        Assert.Equal([s.Store.Id], (await s.Store.Client.Points.GetHistoryAsync(resident)).Select(e => e.Organisation));
        await Refused(StatusCode.PermissionDenied, () => s.Civil.Client.Points.GetHistoryAsync(resident));

        Assert.NotNull(await s.Store.Client.Points.GetRedemptionAsync(resident, "r-1"));
        Assert.NotNull(await s.ResidentClient.Points.GetRedemptionAsync(resident, "r-1"));
        await Refused(StatusCode.PermissionDenied, () => s.Community.Client.Points.GetRedemptionAsync(resident, "r-1"));
        Assert.NotNull(await s.Water.Client.Points.GetTotalsAsync());             // totals: every member
    }

    [Fact]
    public async Task Query_governance_is_for_members_and_anyone_may_ask_about_its_own_key()
    {
        var s = _s;
        Assert.NotEmpty((await s.Water.Client.Governance.ListOrganisationsAsync()).Organisations);
        await Refused(StatusCode.PermissionDenied, () => s.ResidentClient.Governance.ListOrganisationsAsync());
        await Refused(StatusCode.Unauthenticated, () => s.Anonymous.Governance.ListOrganisationsAsync());
        // The validator schedule is public: light clients check certificates with it.
        Assert.NotEmpty((await new Query.QueryClient(Channel()).GetValidatorScheduleAsync(new GetValidatorScheduleRequest())).Sets);
    }

    [Fact]
    public async Task Ledger_raw_blocks_are_for_validators_and_auditors_and_transactions_for_their_sender()
    {
        var s = _s;
        var height = s.RegisterReceipt.Height;
        Assert.Equal(height, (await s.Auditor.Client.GetBlockAsync(height)).Height);
        await Refused(StatusCode.PermissionDenied, () => s.Civil.Client.GetBlockAsync(height));
        await Refused(StatusCode.Unauthenticated, () => s.Anonymous.GetBlockAsync(height));

        var tx = s.RegisterReceipt.TxId;
        Assert.Equal(tx, (await s.Civil.Client.GetTransactionAsync(tx)).Receipt.TxId);
        Assert.Equal(tx, (await s.Auditor.Client.GetTransactionAsync(tx)).Receipt.TxId);
        Assert.Equal(tx, (await s.Civil.Client.WaitForReceiptAsync(tx, TimeSpan.FromSeconds(5))).TxId);
        await Refused(StatusCode.PermissionDenied, () => s.Water.Client.GetTransactionAsync(tx));
        await Refused(StatusCode.PermissionDenied, () => s.Water.Client.WaitForReceiptAsync(tx, TimeSpan.FromSeconds(5)));
        var unknown = new Protocol.Primitives.Hash32(new byte[32]);
        var hiddenReceipt = await Refused(StatusCode.PermissionDenied, () => s.Water.Client.WaitForReceiptAsync(tx, TimeSpan.Zero));
        var missingReceipt = await Refused(StatusCode.PermissionDenied, () => s.Water.Client.WaitForReceiptAsync(unknown, TimeSpan.Zero));
        Assert.Equal(hiddenReceipt.Replace(tx.ToString(), "<id>"), missingReceipt.Replace(unknown.ToString(), "<id>"));
        await Refused(StatusCode.NotFound, () => s.Auditor.Client.WaitForReceiptAsync(unknown, TimeSpan.Zero));
        await Refused(StatusCode.Unauthenticated, () => s.Anonymous.GetTransactionAsync(tx));

        // Public: status (which names the caller), headers.
        var anonymous = await s.Anonymous.GetStatusAsync();
        Assert.Equal(("", null), (anonymous.CallerOrganisation, anonymous.CallerAddress));
        var civil = await s.Civil.Client.GetStatusAsync();
        Assert.Equal((s.Civil.Id, s.Civil.Key.Address), (civil.CallerOrganisation, civil.CallerAddress));
        Assert.Equal([Roles.Department], civil.CallerRoles);
        await foreach (var header in s.Anonymous.WatchBlocksAsync(fromHeight: 1))
        {
            Assert.Equal(1UL, header.Height);
            break;
        }
    }

    [Fact]
    public async Task Proofs_checkpoints_and_log_growth_are_public_state_and_inclusion_follow_the_policy()
    {
        var s = _s;
        var proofs = new Proofs.ProofsClient(Channel());
        var checkpoint = await proofs.GetCheckpointAsync(new CheckpointRequest { Height = 1 });
        Assert.Equal(1UL, checkpoint.Header.Height);
        Assert.NotNull(checkpoint.Commit);
        await proofs.GetConsistencyProofAsync(new ConsistencyProofRequest { FromHeight = 1 });

        var key = ByteString.CopyFromUtf8("m/orgs");
        await Refused(StatusCode.Unauthenticated, () => proofs.GetStateProofAsync(new StateProofRequest { Key = key }).ResponseAsync);
        var genesis = Protocol.Genesis.GenesisDocument.Load(Path.Combine(fixture.Node.DataDir, "genesis.json"));
        using var civilAudit = new Sdk.Verification.AuditClient(fixture.Node.Endpoint, genesis, s.Civil.Key);
        using var auditor = new Sdk.Verification.AuditClient(fixture.Node.Endpoint, genesis, s.Auditor.Key);
        using var waterAudit = new Sdk.Verification.AuditClient(fixture.Node.Endpoint, genesis, s.Water.Key);
        await auditor.VerifyStateAsync("m/orgs"u8.ToArray());
        await Refused(StatusCode.PermissionDenied, () => civilAudit.VerifyStateAsync("m/orgs"u8.ToArray()));
        await civilAudit.VerifyTransactionAsync(s.RegisterReceipt.TxId);
        await auditor.VerifyTransactionAsync(s.RegisterReceipt.TxId);
        await Refused(StatusCode.PermissionDenied, () => waterAudit.VerifyTransactionAsync(s.RegisterReceipt.TxId));
    }

    [Fact]
    public async Task Watch_opens_under_the_policy_and_ends_when_the_callers_role_is_revoked()
    {
        var s = _s;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Refused(StatusCode.PermissionDenied, () => First(s.Water.Client.WatchGrantAsync(s.GrantId, timeout.Token)));
        await Refused(StatusCode.PermissionDenied, () => First(s.Water.Client.WatchInboxAsync(s.Police.Id, timeout.Token)));
        await Refused(StatusCode.PermissionDenied, () => First(s.Civil.Client.WatchCaseAsync(s.CaseId, timeout.Token)));
        await Refused(StatusCode.PermissionDenied, () => First(s.Store.Client.WatchPointsAccountAsync(s.Resident.Address, timeout.Token)));
        await Refused(StatusCode.Unauthenticated, () => First(s.Anonymous.WatchGrantAsync(s.GrantId, timeout.Token)));
        Assert.Equal(s.GrantId, (await First(s.Police.Client.WatchGrantAsync(s.GrantId, timeout.Token))).Grant.Id);
        Assert.Equal(70UL, (await First(s.ResidentClient.WatchPointsAccountAsync(s.Resident.Address, timeout.Token))).UsableBalance);

        // A second hub watches the police inbox; its hub role is taken away; the next hand-over ends its stream.
        var hub2 = await s.Net.AddAsync("hub2", Roles.Hub);
        await using var inbox = hub2.Client.WatchInboxAsync(s.Police.Id, timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await inbox.MoveNextAsync());
        await s.Net.Admin.Governance.SetRolesAsync(hub2.Id, [Roles.Grid], "no longer a hub");
        var another = (await s.Hub.Client.Cases.ReportAsync("sanitation", "grid-330402-020", new byte[32], Contracts.Messages.Severity.Low)).Id;
        await s.Hub.Client.Cases.HandOverAsync(another, s.Police.Id, DateTimeOffset.UtcNow.AddDays(1));
        var ended = await Assert.ThrowsAsync<RpcException>(async () => { while (await inbox.MoveNextAsync()) { } });
        Assert.Equal(StatusCode.PermissionDenied, ended.StatusCode);
    }

    private GrpcChannel Channel() => GrpcChannel.ForAddress(fixture.Node.Endpoint);

    private static async Task<T> First<T>(IAsyncEnumerable<T> stream)
    {
        await foreach (var item in stream) return item;
        throw new InvalidOperationException("the stream ended without an update");
    }

    /// <summary>Asserts the call is refused with <paramref name="code"/> and a reason; returns the reason.</summary>
    private static async Task<string> Refused(StatusCode code, Func<Task> call)
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(call);
        var (actual, reason) = e switch
        {
            RpcException r => (r.StatusCode, r.Status.Detail),
            TransactionRejectedException t => (t.Code, t.Reason),
            _ => throw new Xunit.Sdk.XunitException($"expected {code}, got {e.GetType().Name}: {e.Message}"),
        };
        Assert.True(code == actual, $"expected {code}, got {actual}: {reason}");
        Assert.False(string.IsNullOrWhiteSpace(reason));
        return reason;
    }
}
