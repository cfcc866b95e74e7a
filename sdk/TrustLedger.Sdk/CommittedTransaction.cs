using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Sdk;

/// <summary>A committed transaction with its receipt.</summary>
public sealed record CommittedTransaction(SignedTransaction Transaction, TxReceipt Receipt);
