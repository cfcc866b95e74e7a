using Google.Protobuf;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Grants;
using TrustLedger.Contracts.Messages;
using TrustLedger.Proto.Api.V1;

namespace TrustLedger.Node.Grains.Watch.Views;

/// <summary>A grant (<c>d/grant/{id}</c>) with its status at block time and the access receipts recorded since the last update.</summary>
public sealed class GrantView(string grantId, int maxEntries) : LiveView(new WatchTopic(WatchKind.Grant, grantId), maxEntries)
{
    private ByteString? _last;
    private GrantStatus _lastStatus;

    public override bool Exists(IStateStore state) => DataSharingState.GetGrant(state, Topic.Id) is not null;

    public override IMessage? Refresh(IStateStore state, ViewStamp stamp)
    {
        if (DataSharingState.GetGrant(state, Topic.Id) is not { } value) return null;
        var status = EffectiveStatus(value, stamp);
        WakeAtMs = status == GrantStatus.Active && value.ExpiresAtMs > stamp.JudgedAtMs ? value.ExpiresAtMs : long.MaxValue;
        var bytes = value.ToByteString();
        var first = _last is null;
        var changed = !first && (!bytes.Equals(_last) || status != _lastStatus);
        (_last, _lastStatus) = (bytes, status);
        var count = DataSharingState.AccessLog(Topic.Id).Count(state);
        if (first)
        {
            Cursor = count;
            return null;
        }
        if (!changed) return null;
        var update = new GrantUpdate { Stamp = stamp, Value = value, EffectiveStatus = status };
        update.Receipts.AddRange(Receipts(state, Cursor, count));
        Cursor = count;
        return update;
    }

    public override IMessage Snapshot(IStateStore state, ViewStamp stamp, ulong? after)
    {
        var value = DataSharingState.GetGrant(state, Topic.Id);
        var update = new GrantUpdate { Stamp = AsSnapshot(stamp) };
        if (value is null) return update;
        update.Value = value;
        update.EffectiveStatus = EffectiveStatus(value, stamp);
        var count = DataSharingState.AccessLog(Topic.Id).Count(state);
        update.Receipts.AddRange(Receipts(state, after ?? count, count));
        return update;
    }

    /// <summary>
    /// The status a transaction submitted now would meet: a revocation committed at the head is in force, an expiry
    /// at or before the judged time has passed.
    /// </summary>
    public static GrantStatus EffectiveStatus(Grant value, ViewStamp stamp) =>
        DataSharingState.EffectiveStatus(value, stamp.Height + 1, stamp.JudgedAtMs);

    private IReadOnlyList<AccessReceipt> Receipts(IStateStore state, ulong after, ulong count)
    {
        var (from, limit) = Window(after, count);
        return limit == 0 ? [] : DataSharingState.AccessLog(Topic.Id).Read(state, AccessReceipt.Parser, from, limit);
    }
}
