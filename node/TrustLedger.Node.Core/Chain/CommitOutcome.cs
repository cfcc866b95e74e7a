using TrustLedger.Node.Core.Execution;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Core.Chain;

/// <summary>A durable block (null when every candidate was dropped) and the transactions dropped while building it.</summary>
public sealed record CommitOutcome(Block? Block, IReadOnlyList<TxRejection> Dropped);
