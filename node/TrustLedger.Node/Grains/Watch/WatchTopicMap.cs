using System.Text;
using TrustLedger.Contracts.Grants;
using TrustLedger.Contracts.Handovers;
using TrustLedger.Contracts.Points;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Grains.Watch;

/// <summary>
/// Which watchable entities a block changed, from the state keys it wrote (docs/contracts.md). Prefixes come from the
/// contracts' own key helpers, so a change of key layout there changes this map with it. Pure and allocation-light:
/// it runs over every key of every block, and keys of other contracts are rejected on their first bytes.
/// </summary>
public static class WatchTopicMap
{
    private static readonly (byte[] Prefix, WatchKind Kind)[] Prefixes =
    [
        (Bytes(HandoverState.CasePath("")), WatchKind.Case),                    // c/case/{id}
        (Bytes(HandoverState.History("").Prefix), WatchKind.Case),              // c/hist/{id}/…
        (Bytes(HandoverState.Inbox("").Prefix), WatchKind.DepartmentInbox),     // c/inbox/{department}/…
        (Bytes(DataSharingState.GrantPath("")), WatchKind.Grant),               // d/grant/{id}
        (Bytes(DataSharingState.AccessLog("").Prefix), WatchKind.Grant),        // d/acc/{grant}/…
        (Bytes(AddressPrefix(PointsState.AccountPath)), WatchKind.PointsAccount),            // p/acct/{address}
        (Bytes(AddressPrefix(a => PointsState.History(a).Prefix)), WatchKind.PointsAccount), // p/hist/{address}/…
        (Bytes(AddressPrefix(a => PointsState.RedemptionPath(a, ""))), WatchKind.PointsAccount), // p/rdm/{address}/…
    ];

    /// <summary>The entity a state key belongs to, or null if no watchable entity lives under it.</summary>
    public static WatchTopic? FromKey(ReadOnlySpan<byte> key)
    {
        foreach (var (prefix, kind) in Prefixes)
        {
            if (!key.StartsWith(prefix)) continue;
            var rest = key[prefix.Length..];
            var end = rest.IndexOf((byte)'/');
            var id = end < 0 ? rest : rest[..end];
            return id.IsEmpty ? null : new WatchTopic(kind, Encoding.UTF8.GetString(id));
        }
        return null;
    }

    /// <summary>The distinct entities behind <paramref name="keys"/>, in order of first appearance.</summary>
    public static IReadOnlyList<WatchTopic> FromKeys(IEnumerable<byte[]> keys)
    {
        var seen = new HashSet<WatchTopic>();
        var topics = new List<WatchTopic>();
        foreach (var key in keys)
            if (FromKey(key) is { } topic && seen.Add(topic))
                topics.Add(topic);
        return topics;
    }

    private static byte[] Bytes(string path) => Encoding.UTF8.GetBytes(path);

    // Points keys are built from an address: build one for the zero address and cut the address off again.
    private static string AddressPrefix(Func<Address, string> path)
    {
        var full = path(Address.Zero);
        var hex = Convert.ToHexStringLower(Address.Zero.Bytes);
        var at = full.IndexOf(hex, StringComparison.Ordinal);
        return at > 0 ? full[..at] : throw new InvalidOperationException($"points key '{full}' does not contain the address");
    }
}
