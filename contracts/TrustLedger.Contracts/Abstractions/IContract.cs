namespace TrustLedger.Contracts.Abstractions;

/// <summary>
/// A deterministic state machine owning the transaction types that start with <see cref="Prefix"/> + ".".
/// Rules: no I/O, no clock but block time, no randomness, no floating point, no unordered iteration,
/// checked arithmetic (the project compiles with overflow checks on).
/// </summary>
public interface IContract
{
    /// <summary>Namespace of this contract's transaction types, e.g. <c>anchor</c> for <c>anchor.put</c>.</summary>
    string Prefix { get; }

    ContractResult Execute(TxContext tx, IStateStore state);
}
