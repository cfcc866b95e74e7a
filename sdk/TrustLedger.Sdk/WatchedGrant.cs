using TrustLedger.Contracts.Messages;

namespace TrustLedger.Sdk;

/// <summary>An update of a data-sharing grant.</summary>
/// <param name="Stamp">Where the update sits in the chain.</param>
/// <param name="Grant">The grant record now.</param>
/// <param name="EffectiveStatus">The status at the stamp's judging time: an active grant reads as expired or exhausted once it is.</param>
/// <param name="Receipts">Access receipts recorded since the previous update, in order (none on the first).</param>
public sealed record WatchedGrant(LiveViewStamp Stamp, Grant Grant, GrantStatus EffectiveStatus, IReadOnlyList<AccessReceipt> Receipts);
