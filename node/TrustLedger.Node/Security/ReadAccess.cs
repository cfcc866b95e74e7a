using Grpc.Core;
using TrustLedger.Node.Core.Access;

namespace TrustLedger.Node.Security;

/// <summary>Turns the read policy's decisions into gRPC statuses.</summary>
public static class ReadAccess
{
    /// <exception cref="RpcException">NOT_FOUND, PERMISSION_DENIED or UNAUTHENTICATED with the policy's reason, unless allowed.</exception>
    public static void Enforce(ReadDecision decision)
    {
        if (decision.IsAllowed) return;
        throw new RpcException(new Status(decision.Verdict switch
        {
            ReadVerdict.NotFound => StatusCode.NotFound,
            ReadVerdict.Unauthenticated => StatusCode.Unauthenticated,
            _ => StatusCode.PermissionDenied,
        }, decision.Reason));
    }
}
