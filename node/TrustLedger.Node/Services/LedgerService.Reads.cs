using Google.Protobuf;
using Grpc.Core;
using TrustLedger.Proto.Api.V1;
using TrustLedger.Proto.Mapping;
using Wire = TrustLedger.Proto.Wire.V1;

namespace TrustLedger.Node.Services;

public sealed partial class LedgerService
{
    public override Task<NodeStatus> GetStatus(GetStatusRequest request, ServerCallContext context)
    {
        var caller = callers.Authenticate(context);
        var reader = runtime.Ledger.ReadState(caller.ReaderAt);
        var head = runtime.Ledger.Head;
        var status = new NodeStatus
        {
            ChainId = runtime.Chain.ChainId,
            CryptoSuite = runtime.Chain.Suite.Name,
            GenesisHash = runtime.Chain.GenesisHash.ToByteString(),
            Height = head?.Header.Height ?? 0,
            HeadHash = runtime.Ledger.HeadHash.ToByteString(),
            HeadTimeMs = runtime.Ledger.HeadTimeMs,
            LogSize = head?.Header.LogSize ?? 0,
            LogRoot = runtime.Ledger.HeadLogRoot.ToByteString(),
            StateRoot = runtime.Ledger.HeadStateRoot.ToByteString(),
            NodeAddress = ByteString.CopyFrom(runtime.Key.Address.Bytes),
            Organisation = runtime.Organisation,
            MempoolSize = (uint)runtime.Pool.Count,
            Version = typeof(LedgerService).Assembly.GetName().Version?.ToString() ?? "0",
            StartedAtMs = runtime.StartedAt.ToUnixTimeMilliseconds(),
            RssBytes = Environment.WorkingSet,
            Role = runtime.Role,
            Upstream = runtime.Upstream ?? "",
            CallerOrganisation = reader.Organisation ?? "",
            CallerAddress = reader.Key is { } key ? ByteString.CopyFrom(key.Bytes) : ByteString.Empty,
        };
        status.CallerRoles.AddRange(reader.Roles);
        var signers = runtime.Ledger.ValidatorSetAt(runtime.Ledger.Height + 1); // governance may have replaced the genesis set
        status.Validators.AddRange(signers.Validators.Select(v => ByteString.CopyFrom(v.Address.Bytes)));
        return Task.FromResult(status);
    }

    public override async Task StreamBlocks(StreamBlocksRequest request, IServerStreamWriter<Wire.BlockHeader> responseStream, ServerCallContext context)
    {
        var cancellation = context.CancellationToken;
        var next = request.FromHeight == 0 ? runtime.Ledger.Height + 1 : request.FromHeight;
        while (!cancellation.IsCancellationRequested)
        {
            var signal = runtime.Feed.NextBlock; // taken before reading the head, so no block is missed
            var head = runtime.Ledger.Height;
            for (; next <= head; next++)
            {
                var header = runtime.Store.GetHeader(next) ?? throw new RpcException(new Status(StatusCode.Internal, $"block {next} is missing"));
                await responseStream.WriteAsync(header.ToWire(runtime.Chain.Suite.Hash), cancellation);
            }
            try
            {
                await signal.WaitAsync(cancellation);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
