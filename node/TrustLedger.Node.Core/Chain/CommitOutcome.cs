using TrustLedger.Node.Core.Execution;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Core.Chain;

/// <summary>
/// A durable block (null when every candidate was dropped), the transactions dropped while building it, and the
/// state keys the block wrote (in key order) so live views can tell which entities changed.
/// </summary>
public sealed record CommitOutcome(Block? Block, IReadOnlyList<TxRejection> Dropped, IReadOnlyList<byte[]> ChangedKeys);
