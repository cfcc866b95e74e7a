using Grpc.Core;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Handovers;
using TrustLedger.Contracts.Messages;
using TrustLedger.Node.Core.Access;
using TrustLedger.Node.Security;
using TrustLedger.Proto.Api.V1;

namespace TrustLedger.Node.Services;

public sealed partial class QueryService
{
    public override Task<Case> GetCase(GetCaseRequest request, ServerCallContext context)
    {
        var id = QueryArguments.ObjectId(request.Id, "id");
        return Read(context, (state, reader) => VisibleCase(state, reader, id));
    }

    public override Task<CaseHistoryPage> GetCaseHistory(GetCaseHistoryRequest request, ServerCallContext context)
    {
        var id = QueryArguments.ObjectId(request.CaseId, "case_id");
        var (from, limit) = QueryArguments.Page(request.From, request.Limit);
        return Read(context, (state, reader) =>
        {
            VisibleCase(state, reader, id);
            var page = new CaseHistoryPage { Total = HandoverState.History(id).Count(state) };
            page.Events.AddRange(HandoverQueries.History(state, id, from, limit));
            page.Next = QueryArguments.Next(from, page.Events.Count, page.Total);
            return page;
        });
    }

    public override Task<CasePage> ListCases(ListCasesRequest request, ServerCallContext context)
    {
        var (from, limit) = QueryArguments.Page(request.From, request.Limit);
        return Read(context, (state, reader) =>
        {
            ReadAccess.Enforce(ReadPolicy.AllCases(reader, "the list of every case"));
            var page = new CasePage { Total = HandoverState.All.Count(state) };
            page.Cases.AddRange(HandoverState.All.Read(state, IndexEntry.Parser, from, limit).Select(e => HandoverState.GetCase(state, e.Id)!));
            page.Next = QueryArguments.Next(from, page.Cases.Count, page.Total);
            return page;
        });
    }

    public override Task<CaseList> GetInbox(GetInboxRequest request, ServerCallContext context) =>
        Read(context, (state, reader) => Cases(HandoverQueries.Inbox(state, Department(state, reader, request.Department))));

    public override Task<CaseList> GetHubQueue(GetHubQueueRequest request, ServerCallContext context) =>
        Read(context, (state, reader) =>
        {
            ReadAccess.Enforce(ReadPolicy.AllCases(reader, "the hub queue"));
            return Cases(HandoverQueries.HubQueue(state));
        });

    public override Task<CaseList> ListOverdueCases(ListOverdueCasesRequest request, ServerCallContext context)
    {
        var now = NowMs;
        return Read(context, (state, reader) =>
        {
            if (request.Department.Length == 0) ReadAccess.Enforce(ReadPolicy.AllCases(reader, "overdue cases of every department"));
            IReadOnlyList<string> departments = request.Department.Length == 0
                ? QueryArguments.Holding(state, Roles.Department)
                : [Department(state, reader, request.Department)];
            return Cases(departments.SelectMany(d => HandoverQueries.Overdue(state, d, now))
                .OrderBy(c => c.DeadlineMs).ThenBy(c => c.Id, StringComparer.Ordinal));
        });
    }

    private static Case VisibleCase(IStateStore state, Reader reader, string id)
    {
        var found = HandoverState.GetCase(state, id);
        ReadAccess.Enforce(ReadPolicy.Case(reader, id, AccessFacts.Parties(state, found)));
        return found!;
    }

    /// <summary>A department whose inbox the caller may see (whether it exists is not revealed otherwise).</summary>
    private static string Department(IStateStore state, Reader reader, string department)
    {
        if (!TrustLedger.Contracts.Common.Ids.IsOrganisationId(department))
            throw RpcErrors.Invalid($"department must be an organisation id (letters, digits, '.', '_', '-'), got '{TrustLedger.Contracts.Common.Text.Clip(department)}'");
        ReadAccess.Enforce(ReadPolicy.Inbox(reader, department));
        return QueryArguments.Organisation(state, department, "department").Id;
    }

    private static CaseList Cases(IEnumerable<Case> cases)
    {
        var list = new CaseList();
        list.Cases.AddRange(cases);
        return list;
    }
}
