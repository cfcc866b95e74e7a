using TrustLedger.Node.Core.Execution;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Core.Admission;

/// <summary>Admission outcome: accepted into the mempool (possibly already known), or refused with a reason.</summary>
public readonly record struct AdmissionResult(SignedTransaction Transaction, TxRejection? Rejection, bool AlreadyKnown = false)
{
    public bool Accepted => Rejection is null;
}
