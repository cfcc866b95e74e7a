using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Sdk.Domain;

/// <summary>
/// The result of a successful contract transaction: the contract's output (the object created or changed, its status
/// afterwards and a number such as a balance or use count) and the durable receipt.
/// </summary>
/// <param name="Id">Id of the object created or changed: a proposal, dataset, grant or case id (64 hex digits), or a resident's address.</param>
/// <param name="Status">Its status afterwards, e.g. <c>executed</c>, <c>active</c>, <c>handed_over</c>, <c>redeemed</c>.</param>
/// <param name="Value">A number the transaction produced: approvals, uses, balance, history sequence (0 when none).</param>
/// <param name="Receipt">Where the transaction was committed.</param>
public sealed record ContractReceipt(string Id, string Status, ulong Value, TxReceipt Receipt)
{
    /// <summary>The transaction's id.</summary>
    public Hash32 TxId => Receipt.TxId;

    /// <summary>The height of the block holding the transaction.</summary>
    public ulong Height => Receipt.Height;

    public override string ToString() => $"{Id} {Status} (block {Height})";
}
