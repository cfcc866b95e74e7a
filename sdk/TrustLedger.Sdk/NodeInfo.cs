using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Sdk;

/// <summary>A node's view of the chain.</summary>
public sealed record NodeInfo(
    string ChainId, string CryptoSuite, Hash32 GenesisHash, ulong Height, Hash32 HeadHash, DateTimeOffset HeadTime,
    ulong LogSize, Hash32 LogRoot, Hash32 StateRoot, Address NodeAddress, string Organisation, int MempoolSize,
    string Version, DateTimeOffset StartedAt, IReadOnlyList<Address> Validators, long RssBytes, string Role, string Upstream)
{
    /// <summary>The organisation the node takes the caller for ("" when none), from its certificate or key.</summary>
    public string CallerOrganisation { get; init; } = "";

    /// <summary>That organisation's roles, as the node's read policy applies them.</summary>
    public IReadOnlyList<string> CallerRoles { get; init; } = [];

    /// <summary>The key the node saw behind the call, or null for a call without a credential.</summary>
    public Address? CallerAddress { get; init; }
}
