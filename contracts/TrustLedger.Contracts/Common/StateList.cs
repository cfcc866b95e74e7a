using Google.Protobuf;
using TrustLedger.Contracts.Abstractions;

namespace TrustLedger.Contracts.Common;

/// <summary>
/// An append-only list in state, because the state store cannot be scanned: <c>{prefix}/n</c> holds the
/// length, <c>{prefix}/{position:D10}</c> the items at positions 1…n. Appending costs two writes.
/// </summary>
public readonly record struct StateList(string Prefix)
{
    private string CountKey => Prefix + "/n";
    private string ItemKey(ulong position) => Prefix + "/" + StateKey.Position(position);

    public ulong Count(IStateStore state) => ProtoState.GetCounter(state, CountKey);

    /// <summary>Appends and returns the new item's position (1-based).</summary>
    public ulong Append(IStateStore state, IMessage item)
    {
        var position = ProtoState.AddToCounter(state, CountKey, 1);
        ProtoState.Put(state, ItemKey(position), item);
        return position;
    }

    public T? Get<T>(IStateStore state, ulong position, MessageParser<T> parser) where T : class, IMessage<T> =>
        ProtoState.Get(state, ItemKey(position), parser);

    /// <summary>Items from position <paramref name="from"/> (1-based), at most <paramref name="limit"/>, in list order.</summary>
    public IReadOnlyList<T> Read<T>(IStateStore state, MessageParser<T> parser, ulong from = 1, int limit = int.MaxValue)
        where T : class, IMessage<T>
    {
        var items = new List<T>();
        var count = Count(state);
        for (var p = from == 0 ? 1 : from; p <= count && items.Count < limit; p++)
            if (Get(state, p, parser) is { } item) items.Add(item);
        return items;
    }
}
