using Google.Protobuf;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Messages;
using TrustLedger.Contracts.Points;
using TrustLedger.Proto.Api.V1;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Grains.Watch.Views;

/// <summary>A resident's points account (<c>p/acct/{address}</c>) with its usable balance and the history entries since the last update.</summary>
public sealed class PointsAccountView : LiveView
{
    private readonly Address _resident;
    private ByteString? _last;
    private ulong _lastUsable;

    /// <param name="addressHex">40 lower-case hex digits, as in the state keys.</param>
    /// <param name="maxEntries">History entries a snapshot carries at most.</param>
    public PointsAccountView(string addressHex, int maxEntries) : base(new WatchTopic(WatchKind.PointsAccount, addressHex), maxEntries)
    {
        _resident = Address.Parse(addressHex);
    }

    /// <summary>Any address may receive points, so every account exists (empty until it does).</summary>
    public override bool Exists(IStateStore state) => true;

    public override IMessage? Refresh(IStateStore state, ViewStamp stamp)
    {
        var account = PointsState.GetAccount(state, _resident);
        var usable = PointsQueries.Balance(state, _resident, stamp.JudgedAtMs);
        WakeAtMs = NextExpiry(account, stamp.JudgedAtMs);
        var bytes = account?.ToByteString() ?? ByteString.Empty;
        var first = _last is null;
        var changed = !first && (!bytes.Equals(_last) || usable != _lastUsable);
        (_last, _lastUsable) = (bytes, usable);
        var count = account?.HistoryCount ?? 0;
        if (first)
        {
            Cursor = count;
            return null;
        }
        if (!changed) return null;
        var update = Build(stamp, account, usable);
        update.Entries.AddRange(Entries(state, Cursor, count));
        Cursor = count;
        return update;
    }

    public override IMessage Snapshot(IStateStore state, ViewStamp stamp, ulong? after)
    {
        var account = PointsState.GetAccount(state, _resident);
        var update = Build(AsSnapshot(stamp), account, PointsQueries.Balance(state, _resident, stamp.JudgedAtMs));
        var count = account?.HistoryCount ?? 0;
        update.Entries.AddRange(Entries(state, after ?? count, count));
        return update;
    }

    private PointsAccountUpdate Build(ViewStamp stamp, PointsAccount? account, ulong usable)
    {
        var update = new PointsAccountUpdate { Stamp = stamp, Address = ByteString.CopyFrom(_resident.Bytes), UsableBalance = usable };
        if (account is not null) update.Account = account;
        return update;
    }

    /// <summary>The earliest expiry still ahead: from then on the usable balance drops.</summary>
    private static long NextExpiry(PointsAccount? account, long timeMs)
    {
        var next = long.MaxValue;
        foreach (var lot in account?.Lots ?? [])
            if (lot.ExpiresAtMs != 0 && lot.ExpiresAtMs > timeMs && lot.ExpiresAtMs < next)
                next = lot.ExpiresAtMs;
        return next;
    }

    private IReadOnlyList<PointsEntry> Entries(IStateStore state, ulong after, ulong count)
    {
        var (from, limit) = Window(after, count);
        return limit == 0 ? [] : PointsState.History(_resident).Read(state, PointsEntry.Parser, from, limit);
    }
}
