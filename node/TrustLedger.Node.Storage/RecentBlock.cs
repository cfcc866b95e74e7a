using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Storage;

/// <summary>A recently appended block's location and header, cached to spare the index a lookup.</summary>
internal sealed record RecentBlock(ulong Height, BlockLocation Location, BlockHeader Header);
