using System.Runtime.CompilerServices;
using Google.Protobuf;
using Grpc.Core;
using TrustLedger.Proto.Api.V1;
using TrustLedger.Proto.Mapping;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Sdk;

/// <summary>
/// Live views: each watch first yields the entity's current committed value (<see cref="LiveViewStamp.IsSnapshot"/>),
/// then an update per committed block that changes it, until cancelled. A watcher that falls behind receives a fresh
/// snapshot with <see cref="LiveViewStamp.Resynced"/> instead of the updates it missed. Unknown case or grant ids and
/// unknown organisations end the watch with an <see cref="RpcException"/> of status <see cref="StatusCode.NotFound"/>;
/// malformed ids with <see cref="StatusCode.InvalidArgument"/>; a node that stops ends open watches with
/// <see cref="StatusCode.Unavailable"/> (watch again to resume: the first update is a fresh snapshot).
/// </summary>
public sealed partial class TrustLedgerClient
{
    /// <summary>The cases waiting on <paramref name="department"/>: new hand-overs stream in as they commit.</summary>
    public async IAsyncEnumerable<WatchedInbox> WatchInboxAsync(string department, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        using var call = WatchRpc.WatchInbox(new WatchInboxRequest { Department = department }, cancellationToken: cancellation);
        await foreach (var u in call.ResponseStream.ReadAllAsync(cancellation))
            yield return new WatchedInbox(u.Stamp.ToStamp(), u.Department, u.Cases, u.Removed, (int)u.Waiting, (int)u.Overdue);
    }

    /// <summary>A case and its history as it moves through hand-over, acceptance, handling and closure.</summary>
    public async IAsyncEnumerable<WatchedCase> WatchCaseAsync(string caseId, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        using var call = WatchRpc.WatchCase(new WatchCaseRequest { CaseId = caseId }, cancellationToken: cancellation);
        await foreach (var u in call.ResponseStream.ReadAllAsync(cancellation))
            yield return new WatchedCase(u.Stamp.ToStamp(), u.Value, u.Events, u.Overdue);
    }

    /// <summary>A data-sharing grant from request to end, with the access receipts recorded under it.</summary>
    public async IAsyncEnumerable<WatchedGrant> WatchGrantAsync(string grantId, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        using var call = WatchRpc.WatchGrant(new WatchGrantRequest { GrantId = grantId }, cancellationToken: cancellation);
        await foreach (var u in call.ResponseStream.ReadAllAsync(cancellation))
            yield return new WatchedGrant(u.Stamp.ToStamp(), u.Value, u.EffectiveStatus, u.Receipts);
    }

    /// <summary>A resident's points account: awards, redemptions and expiries as they commit.</summary>
    public async IAsyncEnumerable<WatchedPointsAccount> WatchPointsAccountAsync(Address resident, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        using var call = WatchRpc.WatchPointsAccount(new WatchPointsAccountRequest { Address = ByteString.CopyFrom(resident.Bytes) }, cancellationToken: cancellation);
        await foreach (var u in call.ResponseStream.ReadAllAsync(cancellation))
            yield return new WatchedPointsAccount(u.Stamp.ToStamp(), WireMapping.ToAddress(u.Address, "address"), u.Account, u.UsableBalance, u.Entries);
    }

    private Watch.WatchClient WatchRpc => new(_calls);
}

file static class WatchConversions
{
    public static LiveViewStamp ToStamp(this ViewStamp s) =>
        new(s.Height, DateTimeOffset.FromUnixTimeMilliseconds(s.BlockTimeMs), s.Snapshot, s.Resynced, DateTimeOffset.FromUnixTimeMilliseconds(s.JudgedAtMs));
}
