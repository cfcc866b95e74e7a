using Grpc.Core;

namespace TrustLedger.Sdk;

/// <summary>The node refused a transaction; nothing was stored for it. <see cref="Code"/> says why in gRPC terms.</summary>
public sealed class TransactionRejectedException(StatusCode code, string reason)
    : Exception($"transaction rejected ({code}): {reason}")
{
    public StatusCode Code { get; } = code;
    public string Reason { get; } = reason;
}
