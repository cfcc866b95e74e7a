using Grpc.Core;
using TrustLedger.Node.Core.Execution;

namespace TrustLedger.Node.Services;

/// <summary>Turns refusals into gRPC statuses: the code mirrors <see cref="Protocol.Ledger.ErrorCode"/>, the detail is the reason.</summary>
public static class RpcErrors
{
    public static RpcException From(TxRejection rejection) => new(new Status((StatusCode)rejection.Code, rejection.Reason));

    public static RpcException Invalid(string reason) => new(new Status(StatusCode.InvalidArgument, reason));

    public static RpcException NotFound(string reason) => new(new Status(StatusCode.NotFound, reason));
}
