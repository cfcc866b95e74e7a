using Google.Protobuf;
using TrustLedger.Contracts.Messages;
using TrustLedger.Proto.Api.V1;

namespace TrustLedger.Sdk.Domain;

/// <summary>
/// Event handovers (<c>case.*</c>, 事件 交办 → 签收 → 处置 → 办结): the hub or a grid organisation reports a case; the hub
/// hands it over to a department with a deadline; the department accepts (or returns) it and records its handling; the
/// hub closes it with the reporter's rating or sends it back. Get <c>client.Cases</c> from <see cref="TrustLedgerClient"/>.
/// </summary>
public sealed class CasesClient
{
    private readonly TrustLedgerClient _client;

    internal CasesClient(TrustLedgerClient client) => _client = client;

    /// <summary>Reports a case (hub or grid); the receipt's id is the case id.</summary>
    /// <param name="category">E.g. <c>public-order</c>, <c>sanitation</c>.</param>
    /// <param name="locationRef">A grid cell or address code, never a personal identifier.</param>
    /// <param name="descriptionHash">32-byte hash of the description, which stays off-chain.</param>
    /// <param name="severity">How urgent.</param>
    /// <param name="externalRef">Optional id in the reporter's own system.</param>
    /// <param name="cancellation">Cancels the wait.</param>
    public Task<ContractReceipt> ReportAsync(string category, string locationRef, byte[] descriptionHash, Severity severity, string externalRef = "",
        CancellationToken cancellation = default) =>
        _client.ExecuteAsync("case.report", new ReportCaseRequest
        {
            Category = category, LocationRef = locationRef, DescriptionHash = ByteString.CopyFrom(descriptionHash), Severity = severity, ExternalRef = externalRef,
        }, cancellation);

    /// <summary>Hands a reported or returned case over to a department (hub), to be handled by <paramref name="deadline"/>.</summary>
    public Task<ContractReceipt> HandOverAsync(string caseId, string department, DateTimeOffset deadline, string note = "", CancellationToken cancellation = default) =>
        _client.ExecuteAsync("case.hand_over", new HandOverCaseRequest { CaseId = caseId, Department = department, DeadlineMs = deadline.ToUnixTimeMilliseconds(), Note = note }, cancellation);

    /// <summary>Accepts a case handed over to the client's department (签收).</summary>
    public Task<ContractReceipt> AcceptAsync(string caseId, CancellationToken cancellation = default) =>
        _client.ExecuteAsync("case.accept", new AcceptCaseRequest { CaseId = caseId }, cancellation);

    /// <summary>Returns a case to the hub (the assigned department), with a reason.</summary>
    public Task<ContractReceipt> ReturnAsync(string caseId, string reason, CancellationToken cancellation = default) =>
        _client.ExecuteAsync("case.return", new ReturnCaseRequest { CaseId = caseId, Reason = reason }, cancellation);

    /// <summary>Records how an accepted case was handled (处置), with a 32-byte hash of the evidence.</summary>
    public Task<ContractReceipt> RecordHandlingAsync(string caseId, string result, byte[] evidenceHash, CancellationToken cancellation = default) =>
        _client.ExecuteAsync("case.record_handling", new RecordHandlingRequest { CaseId = caseId, Result = result, EvidenceHash = ByteString.CopyFrom(evidenceHash) }, cancellation);

    /// <summary>Closes a handled case (办结, hub) with the reporter's satisfaction rating, 1–5.</summary>
    public Task<ContractReceipt> CloseAsync(string caseId, uint satisfaction, CancellationToken cancellation = default) =>
        _client.ExecuteAsync("case.close", new CloseCaseRequest { CaseId = caseId, Satisfaction = satisfaction }, cancellation);

    /// <summary>Sends a handled case back to its department (hub); null keeps the deadline.</summary>
    public Task<ContractReceipt> SendBackAsync(string caseId, string reason, DateTimeOffset? newDeadline = null, CancellationToken cancellation = default) =>
        _client.ExecuteAsync("case.send_back", new SendBackCaseRequest { CaseId = caseId, Reason = reason, DeadlineMs = newDeadline?.ToUnixTimeMilliseconds() ?? 0 }, cancellation);

    /// <summary>Moves a handed-over or accepted case to another department (hub).</summary>
    public Task<ContractReceipt> ReassignAsync(string caseId, string department, DateTimeOffset deadline, string reason, CancellationToken cancellation = default) =>
        _client.ExecuteAsync("case.reassign", new ReassignCaseRequest { CaseId = caseId, Department = department, DeadlineMs = deadline.ToUnixTimeMilliseconds(), Reason = reason }, cancellation);

    /// <summary>Escalates a case past its deadline (hub).</summary>
    public Task<ContractReceipt> EscalateAsync(string caseId, string reason, CancellationToken cancellation = default) =>
        _client.ExecuteAsync("case.escalate", new EscalateCaseRequest { CaseId = caseId, Reason = reason }, cancellation);

    /// <summary>Dismisses a reported or returned case that needs no department (hub).</summary>
    public Task<ContractReceipt> DismissAsync(string caseId, string reason, CancellationToken cancellation = default) =>
        _client.ExecuteAsync("case.dismiss", new DismissCaseRequest { CaseId = caseId, Reason = reason }, cancellation);

    /// <summary>A case, or null if unknown.</summary>
    public Task<Case?> GetCaseAsync(string id, CancellationToken cancellation = default) =>
        TrustLedgerClient.FindAsync(_client.QueryRpc.GetCaseAsync(new GetCaseRequest { Id = id }, cancellationToken: cancellation));

    /// <summary>Every transition of a case, attributable, in order.</summary>
    public async Task<IReadOnlyList<CaseEvent>> GetHistoryAsync(string caseId, ulong from = 1, uint limit = 100, CancellationToken cancellation = default) =>
        (await _client.QueryRpc.GetCaseHistoryAsync(new GetCaseHistoryRequest { CaseId = caseId, From = from, Limit = limit }, cancellationToken: cancellation)).Events;

    /// <summary>Every case in report order.</summary>
    public async Task<IReadOnlyList<Case>> ListCasesAsync(ulong from = 1, uint limit = 100, CancellationToken cancellation = default) =>
        (await _client.QueryRpc.ListCasesAsync(new ListCasesRequest { From = from, Limit = limit }, cancellationToken: cancellation)).Cases;

    /// <summary>Cases waiting on a department (handed over or accepted), earliest deadline first.</summary>
    public async Task<IReadOnlyList<Case>> GetInboxAsync(string department, CancellationToken cancellation = default) =>
        (await _client.QueryRpc.GetInboxAsync(new GetInboxRequest { Department = department }, cancellationToken: cancellation)).Cases;

    /// <summary>Cases waiting on the hub (reported, returned, handled), earliest report first.</summary>
    public async Task<IReadOnlyList<Case>> GetHubQueueAsync(CancellationToken cancellation = default) =>
        (await _client.QueryRpc.GetHubQueueAsync(new GetHubQueueRequest(), cancellationToken: cancellation)).Cases;

    /// <summary>Cases past their deadline, of one department or (empty) of every department.</summary>
    public async Task<IReadOnlyList<Case>> ListOverdueAsync(string department = "", CancellationToken cancellation = default) =>
        (await _client.QueryRpc.ListOverdueCasesAsync(new ListOverdueCasesRequest { Department = department }, cancellationToken: cancellation)).Cases;

    /// <summary>
    /// Cases per state, totals, per department (default: every department) and per UTC day (<c>yyyyMMdd</c>) and month
    /// (<c>yyyyMM</c>; default: today and this month), each with closure rate, on-time rate and average rating.
    /// </summary>
    public async Task<CaseStatistics> GetStatisticsAsync(IEnumerable<string>? departments = null, IEnumerable<string>? days = null, IEnumerable<string>? months = null,
        CancellationToken cancellation = default)
    {
        var request = new GetCaseStatisticsRequest();
        request.Departments.AddRange(departments ?? []);
        request.Days.AddRange(days ?? []);
        request.Months.AddRange(months ?? []);
        return await _client.QueryRpc.GetCaseStatisticsAsync(request, cancellationToken: cancellation);
    }
}
