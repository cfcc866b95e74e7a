using Grpc.Core;
using TrustLedger.Proto.Api.V1;
using TrustLedger.Proto.Mapping;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Sdk;

internal static class WireConversions
{
    public static TxReceipt ToReceipt(this ReceiptResponse r) => new(
        WireMapping.ToHash(r.Receipt.TxId, "tx_id"), (ErrorCode)r.Receipt.Code, r.Receipt.Message, r.Receipt.Output.ToByteArray(),
        r.Height, (int)r.Index, WireMapping.ToHash(r.BlockHash, "block_hash"), DateTimeOffset.FromUnixTimeMilliseconds(r.BlockTimeMs));

    public static NodeInfo ToInfo(this NodeStatus s) => new(
        s.ChainId, s.CryptoSuite, WireMapping.ToHash(s.GenesisHash, "genesis_hash"), s.Height, WireMapping.ToHash(s.HeadHash, "head_hash"),
        DateTimeOffset.FromUnixTimeMilliseconds(s.HeadTimeMs), s.LogSize, WireMapping.ToHash(s.LogRoot, "log_root"),
        WireMapping.ToHash(s.StateRoot, "state_root"), WireMapping.ToAddress(s.NodeAddress, "node_address"), s.Organisation,
        (int)s.MempoolSize, s.Version, DateTimeOffset.FromUnixTimeMilliseconds(s.StartedAtMs),
        s.Validators.Select(v => WireMapping.ToAddress(v, "validators")).ToArray(), s.RssBytes, s.Role, s.Upstream)
    {
        CallerOrganisation = s.CallerOrganisation,
        CallerRoles = [.. s.CallerRoles],
        CallerAddress = s.CallerAddress.IsEmpty ? null : WireMapping.ToAddress(s.CallerAddress, "caller_address"),
    };

    /// <summary>Turns a refusal status into <see cref="TransactionRejectedException"/>; other failures stay <see cref="RpcException"/>.</summary>
    public static Exception Translate(RpcException e) => e.StatusCode switch
    {
        StatusCode.InvalidArgument or StatusCode.Unauthenticated or StatusCode.PermissionDenied or StatusCode.AlreadyExists
            or StatusCode.FailedPrecondition or StatusCode.ResourceExhausted => new TransactionRejectedException(e.StatusCode, e.Status.Detail),
        _ => e,
    };
}
