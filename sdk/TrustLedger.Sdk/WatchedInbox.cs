using TrustLedger.Contracts.Messages;

namespace TrustLedger.Sdk;

/// <summary>An update of a department's inbox: the cases waiting on it (handed over or accepted).</summary>
/// <param name="Stamp">Where the update sits in the chain.</param>
/// <param name="Department">The organisation watched.</param>
/// <param name="Cases">On a snapshot every waiting case, earliest deadline first; otherwise the cases that entered the inbox or changed.</param>
/// <param name="Removed">Ids of cases that left the inbox (handled, returned, reassigned); empty on a snapshot.</param>
/// <param name="Waiting">Cases waiting now.</param>
/// <param name="Overdue">Of which past their deadline at the stamp's judging time.</param>
public sealed record WatchedInbox(LiveViewStamp Stamp, string Department, IReadOnlyList<Case> Cases, IReadOnlyList<string> Removed, int Waiting, int Overdue);
