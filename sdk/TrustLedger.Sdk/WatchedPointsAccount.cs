using TrustLedger.Contracts.Messages;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Sdk;

/// <summary>An update of a resident's points account.</summary>
/// <param name="Stamp">Where the update sits in the chain.</param>
/// <param name="Resident">The resident's address.</param>
/// <param name="Account">Null until the address first receives points.</param>
/// <param name="UsableBalance">At the stamp's judging time: the balance less lots expired but not yet booked.</param>
/// <param name="Entries">History entries since the previous update, in order (none on the first).</param>
public sealed record WatchedPointsAccount(LiveViewStamp Stamp, Address Resident, PointsAccount? Account, ulong UsableBalance, IReadOnlyList<PointsEntry> Entries);
