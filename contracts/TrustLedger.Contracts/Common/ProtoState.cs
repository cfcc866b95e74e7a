using Google.Protobuf;
using TrustLedger.Contracts.Abstractions;

namespace TrustLedger.Contracts.Common;

/// <summary>
/// Protobuf values in state. Messages without map fields serialise deterministically (fields in number
/// order), so a value has one encoding and the state root does not depend on the writer.
/// </summary>
public static class ProtoState
{
    public static T? Get<T>(IStateStore state, string key, MessageParser<T> parser) where T : class, IMessage<T>
    {
        var bytes = state.Get(StateKey.Of(key));
        return bytes is null ? null : parser.ParseFrom(bytes);
    }

    public static void Put(IStateStore state, string key, IMessage value) => state.Set(StateKey.Of(key), value.ToByteArray());

    public static void Remove(IStateStore state, string key) => state.Remove(StateKey.Of(key));

    public static bool Exists(IStateStore state, string key) => state.Get(StateKey.Of(key)) is not null;

    public static ulong GetCounter(IStateStore state, string key) =>
        Get(state, key, Messages.Counter.Parser)?.Value ?? 0;

    public static void PutCounter(IStateStore state, string key, ulong value)
    {
        if (value == 0) Remove(state, key);
        else Put(state, key, new Messages.Counter { Value = value });
    }

    /// <summary>Adds <paramref name="delta"/> (checked) and returns the new value.</summary>
    public static ulong AddToCounter(IStateStore state, string key, ulong delta)
    {
        var value = checked(GetCounter(state, key) + delta);
        PutCounter(state, key, value);
        return value;
    }

    public static void SubtractFromCounter(IStateStore state, string key, ulong delta) =>
        PutCounter(state, key, checked(GetCounter(state, key) - delta));
}
