using Google.Protobuf;
using TrustLedger.Contracts.Abstractions;

namespace TrustLedger.Contracts.Common;

/// <summary>Outputs shared by the contracts.</summary>
public static class Output
{
    public static ContractResult Ok(string id, string status, ulong value = 0) =>
        ContractResult.Ok(new Messages.ContractOutput { Id = id, Status = status, Value = value }.ToByteArray());

    public static ContractResult UnknownType(TxContext tx, IEnumerable<string> known) =>
        ContractResult.Invalid($"unknown transaction type '{tx.Type}' (known: {string.Join(", ", known)})");
}
