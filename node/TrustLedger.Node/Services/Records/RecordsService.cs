using Grpc.Core;
using TrustLedger.Node.Hosting;
using TrustLedger.Protocol.Records;
using Api = TrustLedger.Proto.Api.V1;

namespace TrustLedger.Node.Services.Records;

/// <summary>The <c>Records</c> gRPC service (records_service.proto): wire ↔ domain, the rest is <see cref="RecordServer"/>.</summary>
public sealed class RecordsService(NodeRuntime runtime, RecordServer server) : Api.Records.RecordsBase
{
    public override Task<Api.FetchRecordResponse> FetchRecord(Api.FetchRecordRequest request, ServerCallContext context) =>
        server.FetchAsync(new RecordFetchRequest(runtime.Chain.ChainId, request.GrantId, request.DatasetId, request.RecordKey,
            request.RequesterPublicKey.ToByteArray(), request.TimestampMs, request.Nonce.ToByteArray(), request.Signature.ToByteArray()),
            context.CancellationToken);

    public override Task<Api.PurgeRecordResponse> PurgeRecord(Api.PurgeRecordRequest request, ServerCallContext context) =>
        server.PurgeAsync(new RecordPurgeRequest(runtime.Chain.ChainId, request.DatasetId, request.RecordKey, request.Reason,
            request.SignerPublicKey.ToByteArray(), request.TimestampMs, request.Nonce.ToByteArray(), request.Signature.ToByteArray()),
            context.CancellationToken);

    public override Task<Api.PutRecordResponse> PutRecord(Api.PutRecordRequest request, ServerCallContext context) =>
        server.PutAsync(new RecordPutRequest(runtime.Chain.ChainId, request.DatasetId, request.RecordKey, request.RecordJson.ToByteArray(),
            request.SignerPublicKey.ToByteArray(), request.TimestampMs, request.Nonce.ToByteArray(), request.Signature.ToByteArray()),
            context.CancellationToken);
}
