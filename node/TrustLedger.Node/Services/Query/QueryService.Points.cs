using Grpc.Core;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Messages;
using TrustLedger.Contracts.Points;
using TrustLedger.Node.Core.Access;
using TrustLedger.Node.Security;
using TrustLedger.Proto.Api.V1;

namespace TrustLedger.Node.Services;

public sealed partial class QueryService
{
    public override Task<PointsBalance> GetPointsBalance(GetPointsBalanceRequest request, ServerCallContext context)
    {
        var resident = QueryArguments.Address(request.Resident, "resident");
        var now = NowMs;
        return Read(context, (state, reader) =>
        {
            ReadAccess.Enforce(ReadPolicy.PointsAccount(reader, resident));
            return new PointsBalance
            {
                Resident = resident.ToString(),
                Usable = PointsQueries.Balance(state, resident, now),
                Account = PointsQueries.Account(state, resident) ?? new PointsAccount { Address = Google.Protobuf.ByteString.CopyFrom(resident.Bytes) },
            };
        });
    }

    public override Task<PointsHistoryPage> GetPointsHistory(GetPointsHistoryRequest request, ServerCallContext context)
    {
        var resident = QueryArguments.Address(request.Resident, "resident");
        var (from, limit) = QueryArguments.Page(request.From, request.Limit);
        return Read(context, (state, reader) =>
        {
            ReadAccess.Enforce(ReadPolicy.PointsHistory(reader, resident));
            if (ReadPolicy.PointsAccount(reader, resident).IsAllowed) return HistoryPage(PointsState.History(resident).Count(state), PointsQueries.History(state, resident, from, limit), from);
            // An issuer or a store: only the entries its organisation made, paged over that filtered list.
            var own = AllHistory(state, resident).Where(e => ReadPolicy.SeesPointsEntry(reader, resident, e.Organisation)).ToList();
            return HistoryPage((ulong)own.Count, own.Skip((int)Math.Min(from - 1, int.MaxValue)).Take(limit).ToList(), from);
        });
    }

    private static PointsHistoryPage HistoryPage(ulong total, IReadOnlyList<PointsEntry> entries, ulong from)
    {
        var page = new PointsHistoryPage { Total = total };
        page.Entries.AddRange(entries);
        page.Next = QueryArguments.Next(from, page.Entries.Count, page.Total);
        return page;
    }

    private static IEnumerable<PointsEntry> AllHistory(TrustLedger.Contracts.Abstractions.IStateStore state, Protocol.Primitives.Address resident)
    {
        var total = PointsState.History(resident).Count(state);
        for (ulong from = 1; from <= total; from += QueryArguments.MaxLimit)
            foreach (var entry in PointsQueries.History(state, resident, from, (int)QueryArguments.MaxLimit))
                yield return entry;
    }

    public override Task<PointsTotalsReport> GetPointsTotals(GetPointsTotalsRequest request, ServerCallContext context)
    {
        QueryArguments.List(request.Stores, (int)QueryArguments.MaxLimit, "stores");
        QueryArguments.List(request.Issuers, (int)QueryArguments.MaxLimit, "issuers");
        var now = NowMs;
        return ReadAsMember(context, "points totals", state =>
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
        return Read(context, (state, reader) =>
        {
            var redemption = PointsQueries.Redemption(state, resident, request.RedemptionId);
            ReadAccess.Enforce(ReadPolicy.Redemption(reader, resident, request.RedemptionId, redemption?.StoreOrganisation));
            return redemption!;
        });
    }
}
