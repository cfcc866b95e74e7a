namespace TrustLedger.Sdk;

/// <summary>Where a live-view update sits in the chain.</summary>
/// <param name="Height">The committed height the value was read at.</param>
/// <param name="BlockTime">That block's time.</param>
/// <param name="IsSnapshot">The whole current value: the first update of a watch, and after a resync.</param>
/// <param name="Resynced">The watcher fell behind and updates were dropped; this snapshot replaces them.</param>
/// <param name="JudgedAt">When derived fields (overdue, effective status, usable balance) were judged: as a transaction
/// submitted then would see them.</param>
public sealed record LiveViewStamp(ulong Height, DateTimeOffset BlockTime, bool IsSnapshot, bool Resynced, DateTimeOffset JudgedAt);
