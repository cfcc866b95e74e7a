using Grpc.Core;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Messages;
using TrustLedger.Contracts.Points;
using TrustLedger.Proto.Api.V1;

namespace TrustLedger.Node.Services;

public sealed partial class QueryService
{
    public override Task<PointsBalance> GetPointsBalance(GetPointsBalanceRequest request, ServerCallContext context)
    {
        var resident = QueryArguments.Address(request.Resident, "resident");
        var now = NowMs;
        return Read(state => new PointsBalance
        {
            Resident = resident.ToString(),
            Usable = PointsQueries.Balance(state, resident, now),
            Account = PointsQueries.Account(state, resident) ?? new PointsAccount { Address = Google.Protobuf.ByteString.CopyFrom(resident.Bytes) },
        });
    }

    public override Task<PointsHistoryPage> GetPointsHistory(GetPointsHistoryRequest request, ServerCallContext context)
    {
        var resident = QueryArguments.Address(request.Resident, "resident");
        var (from, limit) = QueryArguments.Page(request.From, request.Limit);
        return Read(state =>
        {
            var page = new PointsHistoryPage { Total = PointsState.History(resident).Count(state) };
            page.Entries.AddRange(PointsQueries.History(state, resident, from, limit));
            page.Next = QueryArguments.Next(from, page.Entries.Count, page.Total);
            return page;
        });
    }

    public override Task<PointsTotalsReport> GetPointsTotals(GetPointsTotalsRequest request, ServerCallContext context)
    {
        var now = NowMs;
        return Read(state =>
        {
            IEnumerable<string> Named(IEnumerable<string> ids, string role, string field) => ids.Any()
                ? ids.Select(id => QueryArguments.Organisation(state, id, field).Id).ToArray()
                : QueryArguments.Holding(state, role);
            var report = new PointsTotalsReport { Network = PointsQueries.NetworkTotals(state) };
            report.Stores.AddRange(Named(request.Stores, Roles.Store, "stores")
                .Select(s => new OrganisationPointsTotals { Organisation = s, Totals = PointsQueries.StoreTotals(state, s) }));
            report.Issuers.AddRange(Named(request.Issuers, Roles.Community, "issuers").Select(i => new OrganisationPointsTotals
            {
                Organisation = i,
                Totals = PointsQueries.IssuerTotals(state, i),
                IssuedThisMonth = PointsQueries.IssuedInMonth(state, i, now),
            }));
            return report;
        });
    }

    public override Task<RedemptionRecord> GetRedemption(GetRedemptionRequest request, ServerCallContext context)
    {
        var resident = QueryArguments.Address(request.Resident, "resident");
        if (!Ids.IsToken(request.RedemptionId))
            throw RpcErrors.Invalid($"redemption_id must be 1–64 letters, digits, '.', '_', ':' or '-', got '{Text.Clip(request.RedemptionId)}'");
        return Read(state => PointsQueries.Redemption(state, resident, request.RedemptionId)
            ?? throw NotFound($"redemption '{request.RedemptionId}' of {resident} has not been applied"));
    }
}
