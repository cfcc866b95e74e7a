using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Sdk;

/// <summary>A node's view of the chain.</summary>
public sealed record NodeInfo(
    string ChainId, string CryptoSuite, Hash32 GenesisHash, ulong Height, Hash32 HeadHash, DateTimeOffset HeadTime,
    ulong LogSize, Hash32 LogRoot, Hash32 StateRoot, Address NodeAddress, string Organisation, int MempoolSize,
    string Version, DateTimeOffset StartedAt, IReadOnlyList<Address> Validators, long RssBytes, string Role, string Upstream);
