using Grpc.Core;
using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Handovers;
using TrustLedger.Contracts.Messages;
using TrustLedger.Proto.Api.V1;

namespace TrustLedger.Node.Services;

public sealed partial class QueryService
{
    public override Task<Case> GetCase(GetCaseRequest request, ServerCallContext context)
    {
        var id = QueryArguments.ObjectId(request.Id, "id");
        return Read(state => HandoverState.GetCase(state, id) ?? throw NotFound($"case {id} does not exist"));
    }

    public override Task<CaseHistoryPage> GetCaseHistory(GetCaseHistoryRequest request, ServerCallContext context)
    {
        var id = QueryArguments.ObjectId(request.CaseId, "case_id");
        var (from, limit) = QueryArguments.Page(request.From, request.Limit);
        return Read(state =>
        {
            if (HandoverState.GetCase(state, id) is null) throw NotFound($"case {id} does not exist");
            var page = new CaseHistoryPage { Total = HandoverState.History(id).Count(state) };
            page.Events.AddRange(HandoverQueries.History(state, id, from, limit));
            page.Next = QueryArguments.Next(from, page.Events.Count, page.Total);
            return page;
        });
    }

    public override Task<CasePage> ListCases(ListCasesRequest request, ServerCallContext context)
    {
        var (from, limit) = QueryArguments.Page(request.From, request.Limit);
        return Read(state =>
        {
            var page = new CasePage { Total = HandoverState.All.Count(state) };
            page.Cases.AddRange(HandoverState.All.Read(state, IndexEntry.Parser, from, limit).Select(e => HandoverState.GetCase(state, e.Id)!));
            page.Next = QueryArguments.Next(from, page.Cases.Count, page.Total);
            return page;
        });
    }

    public override Task<CaseList> GetInbox(GetInboxRequest request, ServerCallContext context) =>
        Read(state => Cases(HandoverQueries.Inbox(state, QueryArguments.Organisation(state, request.Department, "department").Id)));

    public override Task<CaseList> GetHubQueue(GetHubQueueRequest request, ServerCallContext context) =>
        Read(state => Cases(HandoverQueries.HubQueue(state)));

    public override Task<CaseList> ListOverdueCases(ListOverdueCasesRequest request, ServerCallContext context)
    {
        var now = NowMs;
        return Read(state =>
        {
            IReadOnlyList<string> departments = request.Department.Length == 0
                ? QueryArguments.Holding(state, Roles.Department)
                : [QueryArguments.Organisation(state, request.Department, "department").Id];
            return Cases(departments.SelectMany(d => HandoverQueries.Overdue(state, d, now))
                .OrderBy(c => c.DeadlineMs).ThenBy(c => c.Id, StringComparer.Ordinal));
        });
    }

    private static CaseList Cases(IEnumerable<Case> cases)
    {
        var list = new CaseList();
        list.Cases.AddRange(cases);
        return list;
    }
}
