using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Messages;

namespace TrustLedger.Contracts.Common;

/// <summary>
/// A set of ids in state with O(1) add and remove (swap-remove), listable without scanning:
/// <c>{prefix}/n</c> = size, <c>{prefix}/i/{position:D10}</c> = id, <c>{prefix}/m/{id}</c> = its position.
/// The order is deterministic (insertion order, disturbed only by swap-removal).
/// </summary>
public readonly record struct StateSet(string Prefix)
{
    private string CountKey => Prefix + "/n";
    private string ItemKey(ulong position) => Prefix + "/i/" + StateKey.Position(position);
    private string MemberKey(string id) => Prefix + "/m/" + id;

    public ulong Count(IStateStore state) => ProtoState.GetCounter(state, CountKey);

    public bool Contains(IStateStore state, string id) => ProtoState.Exists(state, MemberKey(id));

    /// <summary>Adds <paramref name="id"/>; false if it was already present.</summary>
    public bool Add(IStateStore state, string id)
    {
        if (Contains(state, id)) return false;
        var position = ProtoState.AddToCounter(state, CountKey, 1);
        ProtoState.Put(state, ItemKey(position), new IndexEntry { Id = id });
        ProtoState.PutCounter(state, MemberKey(id), position);
        return true;
    }

    /// <summary>Removes <paramref name="id"/>, moving the last member into its slot; false if absent.</summary>
    public bool Remove(IStateStore state, string id)
    {
        var position = ProtoState.GetCounter(state, MemberKey(id));
        if (position == 0) return false;
        var last = Count(state);
        if (position != last)
        {
            var moved = ProtoState.Get(state, ItemKey(last), IndexEntry.Parser)!;
            ProtoState.Put(state, ItemKey(position), moved);
            ProtoState.PutCounter(state, MemberKey(moved.Id), position);
        }
        ProtoState.Remove(state, ItemKey(last));
        ProtoState.Remove(state, MemberKey(id));
        ProtoState.PutCounter(state, CountKey, checked(last - 1));
        return true;
    }

    /// <summary>The members sorted by ordinal id (independent of the history of adds and removes).</summary>
    public IReadOnlyList<string> Members(IStateStore state)
    {
        var count = Count(state);
        var ids = new List<string>();
        for (ulong p = 1; p <= count; p++)
            if (ProtoState.Get(state, ItemKey(p), IndexEntry.Parser) is { } entry) ids.Add(entry.Id);
        ids.Sort(StringComparer.Ordinal);
        return ids;
    }
}
