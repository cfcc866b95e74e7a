using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Contracts.Abstractions;

/// <summary>What a contract returns: success with an optional output, or a refusal with a code and a reason.</summary>
public readonly record struct ContractResult(ErrorCode Code, string Message, byte[] Output)
{
    public bool Success => Code == ErrorCode.None;

    public static ContractResult Ok(byte[]? output = null) => new(ErrorCode.None, "", output ?? []);
    public static ContractResult Invalid(string reason) => new(ErrorCode.InvalidArgument, reason, []);
    public static ContractResult Denied(string reason) => new(ErrorCode.PermissionDenied, reason, []);
    public static ContractResult Precondition(string reason) => new(ErrorCode.FailedPrecondition, reason, []);
    public static ContractResult NotFound(string reason) => new(ErrorCode.NotFound, reason, []);
    public static ContractResult Exists(string reason) => new(ErrorCode.AlreadyExists, reason, []);
}
