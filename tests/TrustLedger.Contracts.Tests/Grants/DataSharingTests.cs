using Google.Protobuf;
using TrustLedger.Contracts.Grants;
using TrustLedger.Contracts.Messages;
using TrustLedger.Contracts.Tests.Support;
using TrustLedger.Protocol.Ledger;
using Xunit;

namespace TrustLedger.Contracts.Tests.Grants;

public sealed class DataSharingTests
{
    public static TheoryData<string, ErrorCode> InvalidDatasets => new()
    {
        { "hub registers", ErrorCode.PermissionDenied },
        { "no name", ErrorCode.InvalidArgument },
        { "no fields", ErrorCode.InvalidArgument },
        { "duplicate field", ErrorCode.InvalidArgument },
        { "no sensitivity", ErrorCode.InvalidArgument },
        { "unknown sensitivity", ErrorCode.InvalidArgument },
        { "control character", ErrorCode.InvalidArgument },
    };

    [Theory, MemberData(nameof(InvalidDatasets))]
    public void Register_dataset_refusals(string name, ErrorCode expected)
    {
        var net = new TestNetwork();
        var request = Payloads.Dataset();
        var actor = "dept-a";
        switch (name)
        {
            case "hub registers": actor = "hub"; break;
            case "no name": request.Name = " "; break;
            case "no fields": request.Fields.Clear(); break;
            case "duplicate field": request.Fields.Add("address"); break;
            case "no sensitivity": request.Sensitivity = Sensitivity.Unspecified; break;
            case "unknown sensitivity": request.Sensitivity = (Sensitivity)42; break;
            case "control character": request.Name = "a\u0000b"; break;
        }
        net.Refused(expected, actor, DataSharingContract.RegisterDatasetType, request);
    }

    public static TheoryData<string, ErrorCode> InvalidRequests => new()
    {
        { "owner requests", ErrorCode.FailedPrecondition },
        { "unknown dataset", ErrorCode.NotFound },
        { "bad dataset id", ErrorCode.InvalidArgument },
        { "unknown field", ErrorCode.InvalidArgument },
        { "no fields", ErrorCode.InvalidArgument },
        { "no purpose", ErrorCode.InvalidArgument },
        { "no legal basis", ErrorCode.InvalidArgument },
        { "zero duration", ErrorCode.InvalidArgument },
        { "too long", ErrorCode.InvalidArgument },
        { "retired dataset", ErrorCode.FailedPrecondition },
        { "store requests", ErrorCode.PermissionDenied },
    };

    [Theory, MemberData(nameof(InvalidRequests))]
    public void Request_refusals(string name, ErrorCode expected)
    {
        var net = new TestNetwork();
        var datasetId = Scenario.RegisterDataset(net);
        var request = Payloads.Request(datasetId);
        var actor = Scenario.Requester;
        switch (name)
        {
            case "owner requests": actor = Scenario.Owner; break;
            case "unknown dataset": request.DatasetId = new string('b', 64); break;
            case "bad dataset id": request.DatasetId = "household"; break;
            case "unknown field": request.Fields.Add("income"); break;
            case "no fields": request.Fields.Clear(); break;
            case "no purpose": request.Purpose = ""; break;
            case "no legal basis": request.LegalBasis = ""; break;
            case "zero duration": request.DurationMs = 0; break;
            case "too long": request.DurationMs = DataSharingContract.MaxDurationMs + 1; break;
            case "retired dataset":
                net.Run(Scenario.Owner, DataSharingContract.RetireDatasetType, new RetireDatasetRequest { DatasetId = datasetId }).ShouldSucceed();
                break;
            case "store requests": actor = "store-1"; break;
        }
        net.Refused(expected, actor, DataSharingContract.RequestType, request);
    }

    public static TheoryData<string, ErrorCode> InvalidApprovals => new()
    {
        { "field not requested", ErrorCode.InvalidArgument },
        { "duplicate field", ErrorCode.InvalidArgument },
        { "longer than requested", ErrorCode.InvalidArgument },
        { "negative duration", ErrorCode.InvalidArgument },
        { "dataset retired", ErrorCode.FailedPrecondition },
    };

    [Theory, MemberData(nameof(InvalidApprovals))]
    public void Approve_refusals(string name, ErrorCode expected)
    {
        var net = new TestNetwork();
        var (datasetId, grantId) = Scenario.GrantIn(net, GrantStatus.Requested);
        var request = new ApproveAccessRequest { GrantId = grantId };
        switch (name)
        {
            case "field not requested": request.Fields.Add("phone"); break;
            case "duplicate field": request.Fields.Add("address"); request.Fields.Add("address"); break;
            case "longer than requested": request.DurationMs = 31L * Scenario.Day; break;
            case "negative duration": request.DurationMs = -1; break;
            case "dataset retired":
                net.Run(Scenario.Owner, DataSharingContract.RetireDatasetType, new RetireDatasetRequest { DatasetId = datasetId }).ShouldSucceed();
                break;
        }
        net.Refused(expected, Scenario.Owner, DataSharingContract.ApproveType, request);
    }

    [Fact]
    public void Approval_narrows_fields_shortens_expiry_and_caps_uses()
    {
        var net = new TestNetwork();
        var (_, grantId) = Scenario.GrantIn(net, GrantStatus.Requested);
        net.Run(Scenario.Owner, DataSharingContract.ApproveType,
            new ApproveAccessRequest { GrantId = grantId, Fields = { "address" }, DurationMs = Scenario.Day, MaxUses = 2 }).ShouldSucceed();
        var grant = DataSharingState.GetGrant(net.State, grantId)!;
        Assert.Equal(["address"], grant.GrantedFields);
        Assert.Equal(net.TimeMs + Scenario.Day, grant.ExpiresAtMs);
        Assert.Equal(2UL, grant.MaxUses);

        net.Run(Scenario.Owner, DataSharingContract.RecordAccessType, Scenario.Access(grantId, "r1")).ShouldSucceed();
        Assert.Equal(2UL, net.Run(Scenario.Owner, DataSharingContract.RecordAccessType, Scenario.Access(grantId, "r2")).ShouldSucceed().Output!.Value);
        net.Refused(ErrorCode.FailedPrecondition, Scenario.Owner, DataSharingContract.RecordAccessType, Scenario.Access(grantId, "r3"));
        Assert.Equal(GrantStatus.Exhausted, DataSharingState.EffectiveStatus(DataSharingState.GetGrant(net.State, grantId)!, net.Height, net.TimeMs));
    }

    [Fact]
    public void Revocation_takes_effect_from_the_next_block()
    {
        var net = new TestNetwork();
        var (_, grantId) = Scenario.GrantIn(net, GrantStatus.Active);
        net.Run(Scenario.Owner, DataSharingContract.RevokeType, new RevokeGrantRequest { GrantId = grantId, Reason = "purpose fulfilled" }).ShouldSucceed();
        // Same block: the owner's node served this record against the state before the revocation.
        net.Run(Scenario.Owner, DataSharingContract.RecordAccessType, Scenario.Access(grantId, "late")).ShouldSucceed();
        net.NextBlock();
        var refused = net.Refused(ErrorCode.FailedPrecondition, Scenario.Owner, DataSharingContract.RecordAccessType, Scenario.Access(grantId, "later"));
        Assert.Contains("revoked", refused.Message);
    }

    [Fact]
    public void Expiry_follows_block_time_exactly()
    {
        var net = new TestNetwork();
        var (_, grantId) = Scenario.GrantIn(net, GrantStatus.Requested);
        net.Run(Scenario.Owner, DataSharingContract.ApproveType, new ApproveAccessRequest { GrantId = grantId, DurationMs = 5_000 }).ShouldSucceed();
        net.NextBlock(4_999);
        net.Run(Scenario.Owner, DataSharingContract.RecordAccessType, Scenario.Access(grantId, "r1")).ShouldSucceed();
        net.NextBlock(1);
        Assert.Contains("expired", net.Refused(ErrorCode.FailedPrecondition, Scenario.Owner, DataSharingContract.RecordAccessType, Scenario.Access(grantId, "r2")).Message);
    }

    [Fact]
    public void Access_receipts_need_a_grantee_key_and_an_unpurged_record()
    {
        var net = new TestNetwork();
        var (datasetId, grantId) = Scenario.GrantIn(net, GrantStatus.Active);
        net.Refused(ErrorCode.PermissionDenied, Scenario.Owner, DataSharingContract.RecordAccessType, Scenario.Access(grantId, "r1", requester: "dept-c"));
        var bad = Scenario.Access(grantId, "r1");
        bad.ContentHash = ByteString.CopyFrom(new byte[31]);
        net.Refused(ErrorCode.InvalidArgument, Scenario.Owner, DataSharingContract.RecordAccessType, bad);
        bad = Scenario.Access(grantId, "r1");
        bad.Requester = ByteString.CopyFrom(new byte[19]);
        net.Refused(ErrorCode.InvalidArgument, Scenario.Owner, DataSharingContract.RecordAccessType, bad);

        var access = Scenario.Access(grantId, "r1");
        net.Run(Scenario.Owner, DataSharingContract.RecordAccessType, access).ShouldSucceed();
        var purge = new PurgeRecordRequest { DatasetId = datasetId, RecordKeyHash = access.RecordKeyHash, Reason = "retention period over" };
        net.Refused(ErrorCode.PermissionDenied, Scenario.Requester, DataSharingContract.PurgeType, purge);
        net.Run(Scenario.Owner, DataSharingContract.PurgeType, purge).ShouldSucceed();
        net.Refused(ErrorCode.AlreadyExists, Scenario.Owner, DataSharingContract.PurgeType, purge);
        Assert.Contains("purged", net.Refused(ErrorCode.FailedPrecondition, Scenario.Owner, DataSharingContract.RecordAccessType, access).Message);
        net.Run(Scenario.Owner, DataSharingContract.RecordAccessType, Scenario.Access(grantId, "r2")).ShouldSucceed();
        Assert.Equal(1UL, DataSharingState.GetDataset(net.State, datasetId)!.PurgedRecords);
    }

    [Fact]
    public void Retiring_is_for_the_owner_once()
    {
        var net = new TestNetwork();
        var datasetId = Scenario.RegisterDataset(net);
        net.Refused(ErrorCode.PermissionDenied, "dept-b", DataSharingContract.RetireDatasetType, new RetireDatasetRequest { DatasetId = datasetId });
        net.Run(Scenario.Owner, DataSharingContract.RetireDatasetType, new RetireDatasetRequest { DatasetId = datasetId }).ShouldSucceed();
        net.Refused(ErrorCode.FailedPrecondition, Scenario.Owner, DataSharingContract.RetireDatasetType, new RetireDatasetRequest { DatasetId = datasetId });
    }

    [Fact]
    public void Queries_list_grants_access_logs_and_outstanding_requests()
    {
        var net = new TestNetwork();
        var datasetId = Scenario.RegisterDataset(net);
        var pending = net.Run("dept-b", DataSharingContract.RequestType, Payloads.Request(datasetId)).ShouldSucceed().CreatedId;
        var approved = net.Run("dept-c", DataSharingContract.RequestType, Payloads.Request(datasetId)).ShouldSucceed().CreatedId;
        var denied = net.Run("dept-b", DataSharingContract.RequestType, Payloads.Request(datasetId)).ShouldSucceed().CreatedId;
        Assert.Equal(3, DataSharingQueries.RequestsAwaitingDecisionBy(net.State, "dept-a").Count);
        net.Run("dept-a", DataSharingContract.ApproveType, new ApproveAccessRequest { GrantId = approved }).ShouldSucceed();
        net.Run("dept-a", DataSharingContract.DenyType, new DenyAccessRequest { GrantId = denied, Reason = "duplicate request" }).ShouldSucceed();
        net.Run("dept-a", DataSharingContract.RecordAccessType, Scenario.Access(approved, "r1", requester: "dept-c")).ShouldSucceed();
        net.Run("dept-a", DataSharingContract.RecordAccessType, Scenario.Access(approved, "r2", requester: "dept-c")).ShouldSucceed();

        Assert.Equal([pending, approved, denied], DataSharingQueries.GrantsOfDataset(net.State, datasetId).Select(g => g.Id));
        Assert.Equal([pending], DataSharingQueries.OutstandingRequestsOf(net.State, "dept-b").Select(g => g.Id));
        Assert.Empty(DataSharingQueries.OutstandingRequestsOf(net.State, "dept-c"));
        Assert.Equal([pending], DataSharingQueries.RequestsAwaitingDecisionBy(net.State, "dept-a").Select(g => g.Id));
        var log = DataSharingQueries.AccessLog(net.State, approved);
        Assert.Equal([1UL, 2UL], log.Select(r => r.Sequence));
        Assert.All(log, r => Assert.Equal("dept-c", r.RequesterOrganisation));
        Assert.Equal(net.TimeMs, log[0].BlockTimeMs);
        Assert.Equal([datasetId], DataSharingQueries.DatasetsOwnedBy(net.State, "dept-a").Select(d => d.Id));
        Assert.Equal([pending, denied], DataSharingQueries.GrantsRequestedBy(net.State, "dept-b").Select(g => g.Id));
    }
}
