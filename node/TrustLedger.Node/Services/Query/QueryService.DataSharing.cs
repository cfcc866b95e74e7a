using Grpc.Core;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Grants;
using TrustLedger.Contracts.Messages;
using TrustLedger.Node.Core.Access;
using TrustLedger.Node.Security;
using TrustLedger.Proto.Api.V1;

namespace TrustLedger.Node.Services;

public sealed partial class QueryService
{
    public override Task<Dataset> GetDataset(GetDatasetRequest request, ServerCallContext context)
    {
        var id = QueryArguments.ObjectId(request.Id, "id");
        return ReadAsMember(context, "the dataset catalogue", state => DataSharingState.GetDataset(state, id) ?? throw NotFound($"dataset {id} does not exist"));
    }

    public override Task<DatasetList> ListDatasets(ListDatasetsRequest request, ServerCallContext context) =>
        ReadAsMember(context, "the dataset catalogue", state =>
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
        return Read(context, (state, reader) =>
        {
            var grant = DataSharingState.GetGrant(state, id);
            ReadAccess.Enforce(ReadPolicy.Grant(reader, id, AccessFacts.Parties(grant)));
            return Effective(grant!, height, now);
        });
    }

    public override Task<GrantPage> ListDatasetGrants(ListDatasetGrantsRequest request, ServerCallContext context)
    {
        var id = QueryArguments.ObjectId(request.DatasetId, "dataset_id");
        var (from, limit) = QueryArguments.Page(request.From, request.Limit);
        return ReadGrants(context, (state, reader) =>
        {
            ReadAccess.Enforce(ReadPolicy.GrantsOfDataset(reader, id, DataSharingState.GetDataset(state, id)?.OwnerOrganisation));
            return (DataSharingQueries.GrantsOfDataset(state, id, from, limit), DataSharingState.DatasetGrants(id).Count(state), from);
        });
    }

    public override Task<GrantPage> ListOrganisationGrants(ListOrganisationGrantsRequest request, ServerCallContext context)
    {
        var (from, limit) = QueryArguments.Page(request.From, request.Limit);
        return ReadGrants(context, (state, reader) =>
        {
            var org = OrganisationsGrants(state, reader, request.Organisation, "organisation");
            return (DataSharingQueries.GrantsRequestedBy(state, org, from, limit), DataSharingState.GrantsRequestedBy(org).Count(state), from);
        });
    }

    public override Task<AccessLogPage> GetAccessLog(GetAccessLogRequest request, ServerCallContext context)
    {
        var id = QueryArguments.ObjectId(request.GrantId, "grant_id");
        var (from, limit) = QueryArguments.Page(request.From, request.Limit);
        return Read(context, (state, reader) =>
        {
            ReadAccess.Enforce(ReadPolicy.AccessLog(reader, id, AccessFacts.Parties(DataSharingState.GetGrant(state, id))));
            var page = new AccessLogPage { Total = DataSharingState.AccessLog(id).Count(state) };
            page.Receipts.AddRange(DataSharingQueries.AccessLog(state, id, from, limit));
            page.Next = QueryArguments.Next(from, page.Receipts.Count, page.Total);
            return page;
        });
    }

    public override Task<GrantPage> ListOutstandingRequests(ListOutstandingRequestsRequest request, ServerCallContext context) =>
        ReadGrants(context, (state, reader) =>
        {
            var grants = DataSharingQueries.OutstandingRequestsOf(state, OrganisationsGrants(state, reader, request.Organisation, "organisation"));
            return (grants, (ulong)grants.Count, 1UL);
        });

    public override Task<GrantPage> ListRequestsAwaitingDecision(ListRequestsAwaitingDecisionRequest request, ServerCallContext context) =>
        ReadGrants(context, (state, reader) =>
        {
            var grants = DataSharingQueries.RequestsAwaitingDecisionBy(state, OrganisationsGrants(state, reader, request.Owner, "owner"));
            return (grants, (ulong)grants.Count, 1UL);
        });

    /// <summary>The organisation whose grants are asked for, once the caller may see them (its existence is not revealed otherwise).</summary>
    private static string OrganisationsGrants(IStateStore state, Reader reader, string organisation, string field)
    {
        if (!TrustLedger.Contracts.Common.Ids.IsOrganisationId(organisation))
            throw RpcErrors.Invalid($"{field} must be an organisation id (letters, digits, '.', '_', '-'), got '{TrustLedger.Contracts.Common.Text.Clip(organisation)}'");
        ReadAccess.Enforce(ReadPolicy.GrantsOfOrganisation(reader, organisation));
        return QueryArguments.Organisation(state, organisation, field).Id;
    }

    private Task<GrantPage> ReadGrants(ServerCallContext context, Func<IStateStore, Reader, (IReadOnlyList<Grant> Grants, ulong Total, ulong From)> read)
    {
        var (height, now) = (NextHeight, NowMs);
        return Read(context, (state, reader) =>
        {
            var (grants, total, from) = read(state, reader);
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
