using Grpc.Core;

namespace TrustLedger.Sdk.Records;

/// <summary>The owner's node refused a record request (nothing was served). <see cref="Code"/> says why in gRPC terms.</summary>
public sealed class RecordRequestRefusedException(StatusCode code, string reason)
    : Exception($"record request refused ({code}): {reason}")
{
    public StatusCode Code { get; } = code;
    public string Reason { get; } = reason;
}
