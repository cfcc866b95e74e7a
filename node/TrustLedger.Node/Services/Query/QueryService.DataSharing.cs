using Grpc.Core;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Grants;
using TrustLedger.Contracts.Messages;
using TrustLedger.Proto.Api.V1;

namespace TrustLedger.Node.Services;

public sealed partial class QueryService
{
    public override Task<Dataset> GetDataset(GetDatasetRequest request, ServerCallContext context)
    {
        var id = QueryArguments.ObjectId(request.Id, "id");
        return Read(state => DataSharingState.GetDataset(state, id) ?? throw NotFound($"dataset {id} does not exist"));
    }

    public override Task<DatasetList> ListDatasets(ListDatasetsRequest request, ServerCallContext context) =>
        Read(state =>
        {
            var owner = QueryArguments.Organisation(state, request.Owner, "owner");
            var list = new DatasetList();
            list.Datasets.AddRange(DataSharingQueries.DatasetsOwnedBy(state, owner.Id));
            return list;
        });

    public override Task<Grant> GetGrant(GetGrantRequest request, ServerCallContext context)
    {
        var id = QueryArguments.ObjectId(request.Id, "id");
        var (height, now) = (NextHeight, NowMs);
        return Read(state => DataSharingState.GetGrant(state, id) is { } grant
            ? Effective(grant, height, now)
            : throw NotFound($"grant {id} does not exist"));
    }

    public override Task<GrantPage> ListDatasetGrants(ListDatasetGrantsRequest request, ServerCallContext context)
    {
        var id = QueryArguments.ObjectId(request.DatasetId, "dataset_id");
        var (from, limit) = QueryArguments.Page(request.From, request.Limit);
        return ReadGrants(state =>
        {
            if (DataSharingState.GetDataset(state, id) is null) throw NotFound($"dataset {id} does not exist");
            return (DataSharingQueries.GrantsOfDataset(state, id, from, limit), DataSharingState.DatasetGrants(id).Count(state), from);
        });
    }

    public override Task<GrantPage> ListOrganisationGrants(ListOrganisationGrantsRequest request, ServerCallContext context)
    {
        var (from, limit) = QueryArguments.Page(request.From, request.Limit);
        return ReadGrants(state =>
        {
            var org = QueryArguments.Organisation(state, request.Organisation, "organisation");
            return (DataSharingQueries.GrantsRequestedBy(state, org.Id, from, limit), DataSharingState.GrantsRequestedBy(org.Id).Count(state), from);
        });
    }

    public override Task<AccessLogPage> GetAccessLog(GetAccessLogRequest request, ServerCallContext context)
    {
        var id = QueryArguments.ObjectId(request.GrantId, "grant_id");
        var (from, limit) = QueryArguments.Page(request.From, request.Limit);
        return Read(state =>
        {
            if (DataSharingState.GetGrant(state, id) is null) throw NotFound($"grant {id} does not exist");
            var page = new AccessLogPage { Total = DataSharingState.AccessLog(id).Count(state) };
            page.Receipts.AddRange(DataSharingQueries.AccessLog(state, id, from, limit));
            page.Next = QueryArguments.Next(from, page.Receipts.Count, page.Total);
            return page;
        });
    }

    public override Task<GrantPage> ListOutstandingRequests(ListOutstandingRequestsRequest request, ServerCallContext context) =>
        ReadGrants(state =>
        {
            var org = QueryArguments.Organisation(state, request.Organisation, "organisation");
            var grants = DataSharingQueries.OutstandingRequestsOf(state, org.Id);
            return (grants, (ulong)grants.Count, 1UL);
        });

    public override Task<GrantPage> ListRequestsAwaitingDecision(ListRequestsAwaitingDecisionRequest request, ServerCallContext context) =>
        ReadGrants(state =>
        {
            var owner = QueryArguments.Organisation(state, request.Owner, "owner");
            var grants = DataSharingQueries.RequestsAwaitingDecisionBy(state, owner.Id);
            return (grants, (ulong)grants.Count, 1UL);
        });

    private Task<GrantPage> ReadGrants(Func<IStateStore, (IReadOnlyList<Grant> Grants, ulong Total, ulong From)> read)
    {
        var (height, now) = (NextHeight, NowMs);
        return Read(state =>
        {
            var (grants, total, from) = read(state);
            var page = new GrantPage { Total = total, Next = QueryArguments.Next(from, grants.Count, total) };
            page.Grants.AddRange(grants.Select(g => Effective(g, height, now)));
            return page;
        });
    }

    /// <summary>The grant as a transaction submitted now would see it: expired, exhausted, or revoked from the next block.</summary>
    private static Grant Effective(Grant grant, ulong height, long nowMs)
    {
        var status = DataSharingState.EffectiveStatus(grant, height, nowMs);
        if (status == grant.Status) return grant;
        var copy = grant.Clone();
        copy.Status = status;
        return copy;
    }
}
