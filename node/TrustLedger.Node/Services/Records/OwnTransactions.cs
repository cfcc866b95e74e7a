using Google.Protobuf;
using Grpc.Core;
using TrustLedger.Node.Hosting;
using TrustLedger.Protocol.Primitives;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Services.Records;

/// <summary>
/// Transactions this node signs itself (access and purge receipts) with its own key — a member key of its
/// organisation — submitted through the same admission as any client's and awaited until durable.
/// </summary>
public sealed class OwnTransactions(NodeRuntime runtime, TimeProvider time)
{
    private readonly TransactionFactory _factory = new(runtime.Chain.ChainId, runtime.Chain.Suite, runtime.Key, time);

    /// <summary>Signs, admits and waits until the transaction's block is durable and its receipt is a success.</summary>
    /// <exception cref="RpcException">Refused at admission, failed in its block (the contract's code and reason), or not committed in time.</exception>
    public async Task<(Hash32 TxId, TxOutcome Outcome)> CommitAsync(string type, IMessage payload, string what, TimeSpan timeout, CancellationToken cancellation)
    {
        var tx = _factory.Create(type, payload.ToByteArray());
        if (runtime.IsFollower)
            await Forward(tx, what, cancellation); // only the validator orders; the block comes back through sync
        else if (runtime.Admit(tx).Rejection is { } refused)
            throw new RpcException(new Status((StatusCode)refused.Code, $"{what} was refused: {refused.Reason}"));
        var outcome = await runtime.Feed.WaitAsync(tx.Id, timeout, cancellation)
            ?? throw new RpcException(new Status(StatusCode.DeadlineExceeded, $"{what} {tx.Id} was not committed within {timeout.TotalSeconds:0} s"));
        if (outcome.Rejection is { } dropped)
            throw new RpcException(new Status((StatusCode)dropped.Code, $"{what} was dropped: {dropped.Reason}"));
        var receipt = outcome.Receipt!;
        if (!receipt.Success)
            throw new RpcException(new Status((StatusCode)receipt.Code, $"{what} {tx.Id} failed in block {outcome.Height}: {receipt.Message}"));
        return (tx.Id, outcome);
    }

    private async Task Forward(Protocol.Ledger.SignedTransaction tx, string what, CancellationToken cancellation)
    {
        try
        {
            await new Proto.Api.V1.Ledger.LedgerClient(runtime.UpstreamChannel)
                .SubmitAsync(new Proto.Api.V1.SubmitRequest { Transaction = Proto.Mapping.WireMapping.ToWire(tx) }, cancellationToken: cancellation);
        }
        catch (RpcException e)
        {
            throw new RpcException(new Status(e.StatusCode, $"{what} was refused by {runtime.Upstream}: {e.Status.Detail}"));
        }
    }
}
