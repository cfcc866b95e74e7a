using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Contracts.Abstractions;

/// <summary>
/// Everything a contract may know about the transaction it executes. There is no clock but
/// <see cref="BlockTimeMs"/> and no randomness: every node and every auditor computes the same result.
/// </summary>
public sealed record TxContext(
    Hash32 TxId,
    Address Sender,
    string SenderOrganisation,
    string Type,
    byte[] Payload,
    ulong Height,
    long BlockTimeMs);
