using Google.Protobuf;
using Grpc.Core;
using TrustLedger.Node.Core.Access;
using TrustLedger.Node.Hosting;
using TrustLedger.Node.Security;
using TrustLedger.Proto.Api.V1;
using TrustLedger.Proto.Mapping;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;
using Wire = TrustLedger.Proto.Wire.V1;

namespace TrustLedger.Node.Services;

/// <summary>The client API (see ledger_service.proto). Admission runs on the calling thread, so many callers verify signatures in parallel.</summary>
public sealed partial class LedgerService(NodeRuntime runtime, CallerAuthenticator callers) : Ledger.LedgerBase
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(5);

    public override async Task<SubmitResponse> Submit(SubmitRequest request, ServerCallContext context)
    {
        if (request.Transaction is null) throw RpcErrors.Invalid("request has no transaction");
        if (runtime.IsFollower)
            return await Relay(request, context);
        var tx = Decode(request.Transaction);
        var admitted = runtime.Admit(tx);
        if (admitted.Rejection is { } rejection) throw RpcErrors.From(rejection);
        var response = new SubmitResponse { TxId = tx.Id.ToByteString(), AlreadyKnown = admitted.AlreadyKnown };
        if (request.WaitForCommit)
            response.Receipt = await WaitCommitted(tx.Id, request.TimeoutMs, context.CancellationToken);
        return response;
    }

    public override async Task<SubmitBatchResponse> SubmitBatch(SubmitBatchRequest request, ServerCallContext context)
    {
        if (runtime.IsFollower)
            return await new Ledger.LedgerClient(runtime.UpstreamChannel).SubmitBatchAsync(request, deadline: context.Deadline, cancellationToken: context.CancellationToken);
        var results = new SubmitResult[request.Transactions.Count];
        var decoded = new List<(int Index, SignedTransaction Tx)>(request.Transactions.Count);
        for (var i = 0; i < request.Transactions.Count; i++)
        {
            try
            {
                decoded.Add((i, request.Transactions[i].ToDomain(runtime.Chain.Suite)));
            }
            catch (FormatException e)
            {
                results[i] = new SubmitResult { Code = (int)StatusCode.InvalidArgument, Message = $"transaction {i}: {e.Message}" };
            }
        }
        var admitted = runtime.AdmitBatch(decoded.Select(d => d.Tx).ToArray());
        for (var k = 0; k < decoded.Count; k++)
        {
            var (index, tx) = decoded[k];
            results[index] = admitted[k].Rejection is { } r
                ? new SubmitResult { TxId = tx.Id.ToByteString(), Code = (int)r.Code, Message = r.Reason }
                : new SubmitResult { TxId = tx.Id.ToByteString() };
        }
        if (request.WaitForCommit)
        {
            var waits = decoded.Where(d => results[d.Index].Code == 0)
                .Select(async d => (d.Index, Outcome: await WaitOutcome(d.Tx.Id, request.TimeoutMs, context.CancellationToken)))
                .ToArray();
            foreach (var (index, outcome) in await Task.WhenAll(waits))
            {
                if (outcome is null) { results[index].Code = (int)StatusCode.DeadlineExceeded; results[index].Message = "not committed before the timeout; query its receipt later"; }
                else if (outcome.Rejection is { } r) { results[index].Code = (int)r.Code; results[index].Message = r.Reason; }
                else results[index].Receipt = ToResponse(outcome);
            }
        }
        var response = new SubmitBatchResponse();
        response.Results.AddRange(results);
        return response;
    }

    public override async Task<ReceiptResponse> GetReceipt(GetReceiptRequest request, ServerCallContext context)
    {
        var txId = WireMapping.ToHash(request.TxId, "tx_id");
        var caller = callers.Authenticate(context);
        if (caller == CallerIdentity.Anonymous) ReadAccess.Enforce(ReadPolicy.Transaction(Reader.Anonymous, txId.ToString(), null));
        ReceiptResponse receipt;
        if (request.TimeoutMs > 0) receipt = await WaitCommitted(txId, request.TimeoutMs, context.CancellationToken);
        else if (runtime.Feed.Find(txId) is { } found) receipt = ToResponse(found);
        else
        {
            // Missing answers like hidden to those who may not see every transaction: no probing for others' ids.
            ReadAccess.Enforce(runtime.Ledger.ReadState(state => ReadPolicy.Transaction(caller.ReaderAt(state), txId.ToString(), null)));
            throw RpcErrors.NotFound($"transaction {txId} is not committed");
        }
        // Decided once committed: until then nothing about the transaction is known to anyone but its sender.
        Authorise(caller, txId, receipt.Height, (int)receipt.Index);
        return receipt;
    }

    public override Task<TransactionResponse> GetTransaction(GetTransactionRequest request, ServerCallContext context)
    {
        var txId = WireMapping.ToHash(request.TxId, "tx_id");
        var caller = callers.Authenticate(context);
        if (runtime.Store.FindTransaction(txId) is not { } location)
        {
            ReadAccess.Enforce(runtime.Ledger.ReadState(state => ReadPolicy.Transaction(caller.ReaderAt(state), txId.ToString(), null)));
            throw RpcErrors.NotFound($"transaction {txId} is not committed");
        }
        var block = runtime.Feed.GetBlock(location.Height) ?? throw RpcErrors.NotFound($"block {location.Height} is missing");
        var tx = block.Transactions[location.Index];
        ReadAccess.Enforce(runtime.Ledger.ReadState(state => ReadPolicy.Transaction(caller.ReaderAt(state), txId.ToString(), AccessFacts.Parties(state, tx))));
        var outcome = TxOutcome.Committed(block.Receipts[location.Index], block.Height, location.Index,
            block.Header.ComputeHash(runtime.Chain.Suite.Hash), block.Header.TimeMs);
        return Task.FromResult(new TransactionResponse
        {
            Transaction = tx.ToWire(),
            TxId = tx.Id.ToByteString(),
            Sender = ByteString.CopyFrom(tx.Sender.Bytes),
            Receipt = ToResponse(outcome),
        });
    }

    public override Task<Wire.Block> GetBlock(GetBlockRequest request, ServerCallContext context)
    {
        var caller = callers.Authenticate(context);
        ReadAccess.Enforce(runtime.Ledger.ReadState(state => ReadPolicy.RawBlocks(caller.ReaderAt(state))));
        var height = request.Height == 0 ? runtime.Ledger.Height : request.Height;
        if (height == 0) throw RpcErrors.NotFound("the chain has no blocks yet");
        var block = runtime.Feed.GetBlock(height) ?? throw RpcErrors.NotFound($"no block at height {height}; the head is {runtime.Ledger.Height}");
        return Task.FromResult(block.ToWire(runtime.Chain.Suite.Hash));
    }

    /// <summary>Refuses a caller who may not see the committed transaction at (height, index), as if it were not committed.</summary>
    private void Authorise(CallerIdentity caller, Hash32 txId, ulong height, int index)
    {
        var tx = runtime.Feed.GetBlock(height)?.Transactions[index];
        ReadAccess.Enforce(runtime.Ledger.ReadState(state =>
            ReadPolicy.Transaction(caller.ReaderAt(state), txId.ToString(), tx is null ? null : AccessFacts.Parties(state, tx))));
    }

    // The validator orders; a follower passes the request on. A waited-for receipt is relayed once this node has
    // imported the block too, so the caller can read its own write here.
    private async Task<SubmitResponse> Relay(SubmitRequest request, ServerCallContext context)
    {
        var response = await new Ledger.LedgerClient(runtime.UpstreamChannel).SubmitAsync(request, deadline: context.Deadline, cancellationToken: context.CancellationToken);
        if (request.WaitForCommit)
            await runtime.Feed.WaitAsync(WireMapping.ToHash(response.TxId, "tx_id"), TimeSpan.FromSeconds(30), context.CancellationToken);
        return response;
    }

    private SignedTransaction Decode(Wire.Transaction wire)
    {
        try
        {
            return wire.ToDomain(runtime.Chain.Suite);
        }
        catch (FormatException e)
        {
            throw RpcErrors.Invalid(e.Message);
        }
    }

    private async Task<TxOutcome?> WaitOutcome(Hash32 txId, uint timeoutMs, CancellationToken cancellation)
    {
        var timeout = timeoutMs == 0 ? DefaultWait : TimeSpan.FromMilliseconds(Math.Min(timeoutMs, MaxWait.TotalMilliseconds));
        return await runtime.Feed.WaitAsync(txId, timeout, cancellation);
    }

    private async Task<ReceiptResponse> WaitCommitted(Hash32 txId, uint timeoutMs, CancellationToken cancellation)
    {
        var outcome = await WaitOutcome(txId, timeoutMs, cancellation)
            ?? throw new RpcException(new Status(StatusCode.DeadlineExceeded, $"transaction {txId} was not committed before the timeout; query its receipt later"));
        if (outcome.Rejection is { } rejection) throw RpcErrors.From(rejection);
        return ToResponse(outcome);
    }

    private static ReceiptResponse ToResponse(TxOutcome outcome) => new()
    {
        Receipt = outcome.Receipt!.ToWire(),
        Height = outcome.Height,
        Index = (uint)outcome.Index,
        BlockHash = outcome.BlockHash.ToByteString(),
        BlockTimeMs = outcome.BlockTimeMs,
    };
}
