using TrustLedger.Protocol.Crypto.KeyFiles;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Core.Interceptors;
using TrustLedger.Proto.Access;
using TrustLedger.Proto.Api.V1;
using TrustLedger.Proto.Mapping;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Sdk;

/// <summary>
/// A department's connection to a TrustLedger node: signs with the caller's key, submits, waits for durable
/// receipts and reads blocks. Learns the chain id and crypto suite from the node on connect. With a key, every call
/// carries a credential signed by it, and the node answers reads as the key's organisation may see them.
/// <code>
/// using var client = await TrustLedgerClient.ConnectAsync("http://127.0.0.1:5080", KeyFile.Load("me.key.json", password));
/// var receipt = await client.SubmitAsync("anchor.put", "hello"u8.ToArray());
/// </code>
/// </summary>
public sealed partial class TrustLedgerClient : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly CallInvoker _calls;
    private readonly Ledger.LedgerClient _rpc;
    private readonly Protocol.Ledger.TransactionFactory? _factory;

    private TrustLedgerClient(GrpcChannel channel, NodeInfo node, KeyPair? signer)
    {
        _channel = channel;
        Node = node;
        Suite = CryptoSuites.Get(node.CryptoSuite);
        _calls = channel.CreateCallInvoker();
        if (signer is not null)
        {
            if (signer.Suite != Suite.Name)
                throw new ArgumentException($"the key is a {signer.Suite} key but the network uses {Suite.Name}", nameof(signer));
            _factory = new Protocol.Ledger.TransactionFactory(node.ChainId, Suite, signer);
            // Every call names the key behind it, so the node authorises reads against the key's organisation and roles.
            _calls = _calls.Intercept(new CallerCredentialInterceptor(Suite, signer, node.ChainId, node.NodeAddress));
        }
        _rpc = new Ledger.LedgerClient(_calls);
    }

    /// <summary>The node's status when the client connected.</summary>
    public NodeInfo Node { get; }
    public string ChainId => Node.ChainId;
    public ICryptoSuite Suite { get; }
    public KeyPair? Signer => _factory?.Signer;

    /// <summary>Connects to a node and reads its chain id and crypto suite.</summary>
    /// <param name="endpoint">The node's gRPC address, e.g. <c>http://127.0.0.1:5080</c>.</param>
    /// <param name="signer">The key transactions are signed with; null for a read-only client.</param>
    /// <param name="cancellation">Cancels the connection attempt.</param>
    public static Task<TrustLedgerClient> ConnectAsync(string endpoint, KeyPair? signer = null, CancellationToken cancellation = default) =>
        ConnectAsync(endpoint, signer, tls: null, cancellation);

    private static async Task<TrustLedgerClient> ConnectAsync(GrpcChannel channel, KeyPair? signer, CancellationToken cancellation)
    {
        try
        {
            var status = await new Ledger.LedgerClient(channel).GetStatusAsync(new GetStatusRequest(), cancellationToken: cancellation);
            return new TrustLedgerClient(channel, status.ToInfo(), signer);
        }
        catch
        {
            channel.Dispose();
            throw;
        }
    }

    /// <summary>Signs a transaction with the client's key (fresh nonce, default validity window).</summary>
    public SignedTransaction Sign(string type, byte[] payload, ulong? nonce = null, TimeSpan? validity = null) =>
        (_factory ?? throw new InvalidOperationException("this client has no signing key")).Create(type, payload, nonce, validity);

    /// <summary>Signs, submits and waits until the transaction's block is durable. Throws <see cref="TransactionRejectedException"/> if refused.</summary>
    public Task<TxReceipt> SubmitAsync(string type, byte[] payload, CancellationToken cancellation = default) =>
        SubmitAsync(Sign(type, payload), TimeSpan.FromSeconds(30), cancellation);

    public async Task<TxReceipt> SubmitAsync(SignedTransaction tx, TimeSpan timeout, CancellationToken cancellation = default)
    {
        var response = await Call(() => _rpc.SubmitAsync(new SubmitRequest
        {
            Transaction = tx.ToWire(),
            WaitForCommit = true,
            TimeoutMs = (uint)timeout.TotalMilliseconds,
        }, deadline: DateTime.UtcNow + timeout + TimeSpan.FromSeconds(5), cancellationToken: cancellation).ResponseAsync);
        return response.Receipt.ToReceipt();
    }

    /// <summary>Submits without waiting for the commit; returns the transaction id.</summary>
    public async Task<Hash32> SendAsync(SignedTransaction tx, CancellationToken cancellation = default)
    {
        var response = await Call(() => _rpc.SubmitAsync(new SubmitRequest { Transaction = tx.ToWire() }, cancellationToken: cancellation).ResponseAsync);
        return WireMapping.ToHash(response.TxId, "tx_id");
    }

    /// <summary>Submits many transactions in one call; each gets its own outcome (a refusal does not fail the batch).</summary>
    public async Task<IReadOnlyList<SubmitOutcome>> SubmitBatchAsync(IReadOnlyList<SignedTransaction> txs, bool waitForCommit, TimeSpan? timeout = null, CancellationToken cancellation = default)
    {
        var request = new SubmitBatchRequest { WaitForCommit = waitForCommit, TimeoutMs = (uint)(timeout ?? TimeSpan.FromSeconds(30)).TotalMilliseconds };
        request.Transactions.AddRange(txs.Select(t => t.ToWire()));
        var response = await _rpc.SubmitBatchAsync(request, cancellationToken: cancellation);
        return response.Results.Select((r, i) => new SubmitOutcome(
            r.TxId.Length == Hash32.Length ? WireMapping.ToHash(r.TxId, "tx_id") : txs[i].Id,
            (StatusCode)r.Code, r.Message, r.Receipt?.ToReceipt())).ToArray();
    }

    /// <summary>Waits up to <paramref name="timeout"/> for a transaction's receipt.</summary>
    public async Task<TxReceipt> WaitForReceiptAsync(Hash32 txId, TimeSpan timeout, CancellationToken cancellation = default)
    {
        var response = await Call(() => _rpc.GetReceiptAsync(new GetReceiptRequest { TxId = txId.ToByteString(), TimeoutMs = (uint)timeout.TotalMilliseconds },
            cancellationToken: cancellation).ResponseAsync);
        return response.ToReceipt();
    }

    public async Task<CommittedTransaction> GetTransactionAsync(Hash32 txId, CancellationToken cancellation = default)
    {
        var response = await _rpc.GetTransactionAsync(new GetTransactionRequest { TxId = txId.ToByteString() }, cancellationToken: cancellation);
        return new CommittedTransaction(response.Transaction.ToDomain(Suite), response.Receipt.ToReceipt());
    }

    /// <summary>The block at <paramref name="height"/> (0 = latest), decoded; its header hash is recomputed locally.</summary>
    public async Task<Block> GetBlockAsync(ulong height = 0, CancellationToken cancellation = default)
    {
        var block = await _rpc.GetBlockAsync(new GetBlockRequest { Height = height }, cancellationToken: cancellation);
        return block.ToDomain(Suite);
    }

    /// <summary>
    /// The header of block <paramref name="height"/> (0 = latest), from its certified checkpoint: public, unlike the
    /// whole block (raw blocks are for validators and auditors).
    /// </summary>
    public async Task<BlockHeader> GetHeaderAsync(ulong height = 0, CancellationToken cancellation = default)
    {
        var checkpoint = await new Proofs.ProofsClient(_calls).GetCheckpointAsync(new CheckpointRequest { Height = height }, cancellationToken: cancellation);
        return checkpoint.Header.ToDomain();
    }

    public async Task<NodeInfo> GetStatusAsync(CancellationToken cancellation = default) =>
        (await _rpc.GetStatusAsync(new GetStatusRequest(), cancellationToken: cancellation)).ToInfo();

    /// <summary>Headers of blocks as they commit, from <paramref name="fromHeight"/> (0 = only new blocks).</summary>
    public async IAsyncEnumerable<BlockHeader> WatchBlocksAsync(ulong fromHeight = 0, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        using var call = _rpc.StreamBlocks(new StreamBlocksRequest { FromHeight = fromHeight }, cancellationToken: cancellation);
        while (await call.ResponseStream.MoveNext(cancellation))
            yield return call.ResponseStream.Current.ToDomain();
    }

    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException e)
        {
            throw WireConversions.Translate(e);
        }
    }

    public void Dispose() => _channel.Dispose();
}
