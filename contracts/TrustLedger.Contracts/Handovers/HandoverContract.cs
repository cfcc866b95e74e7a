using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Common;

namespace TrustLedger.Contracts.Handovers;

/// <summary>
/// <c>case.*</c>: event handovers (事件 交办 → 签收 → 处置 → 办结). The hub or a grid organisation reports a case;
/// the hub hands it over to a department with a deadline; only that department accepts or returns it and,
/// after accepting, records its handling; the hub closes it with the reporter's rating or sends it back,
/// reassigns or escalates it (once block time is past the deadline), or dismisses it. Every transition is
/// appended to the case's history with actor, organisation, transaction id and block time, and statistics
/// (per state, per department, per UTC day and month) are kept incrementally.
/// </summary>
public sealed partial class HandoverContract : IContract
{
    public const string ReportType = "case.report";
    public const string HandOverType = "case.hand_over";
    public const string AcceptType = "case.accept";
    public const string ReturnType = "case.return";
    public const string RecordHandlingType = "case.record_handling";
    public const string CloseType = "case.close";
    public const string SendBackType = "case.send_back";
    public const string ReassignType = "case.reassign";
    public const string EscalateType = "case.escalate";
    public const string DismissType = "case.dismiss";

    public static readonly IReadOnlyList<string> TxTypes =
        [ReportType, HandOverType, AcceptType, ReturnType, RecordHandlingType, CloseType, SendBackType, ReassignType, EscalateType, DismissType];

    /// <summary>Furthest a deadline may lie after the block time: one year.</summary>
    public const long MaxDeadlineMs = 366L * 24 * 60 * 60 * 1000;

    public string Prefix => "case";

    public ContractResult Execute(TxContext tx, IStateStore state) => tx.Type switch
    {
        ReportType => Report(tx, state),
        HandOverType => HandOver(tx, state),
        AcceptType => Accept(tx, state),
        ReturnType => Return(tx, state),
        RecordHandlingType => RecordHandling(tx, state),
        CloseType => Close(tx, state),
        SendBackType => SendBack(tx, state),
        ReassignType => Reassign(tx, state),
        EscalateType => Escalate(tx, state),
        DismissType => Dismiss(tx, state),
        _ => Output.UnknownType(tx, TxTypes),
    };
}
