using TrustLedger.Node.Core.Execution;

namespace TrustLedger.Node.Core.Consensus;

/// <summary>A block value already executed on top of the head: kept so deciding it needs no second execution.</summary>
public sealed record ExecutedValue(BlockValue Value, ExecutionResult Execution);
