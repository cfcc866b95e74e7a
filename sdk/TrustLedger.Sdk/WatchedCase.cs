using TrustLedger.Contracts.Messages;

namespace TrustLedger.Sdk;

/// <summary>An update of a case.</summary>
/// <param name="Stamp">Where the update sits in the chain.</param>
/// <param name="Case">The case now.</param>
/// <param name="Events">History entries since the previous update, in order; the first update carries the history so far.</param>
/// <param name="Overdue">Waiting on its department with the deadline passed at the stamp's judging time.</param>
public sealed record WatchedCase(LiveViewStamp Stamp, Case Case, IReadOnlyList<CaseEvent> Events, bool Overdue);
