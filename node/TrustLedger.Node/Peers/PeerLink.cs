using System.Threading.Channels;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using TrustLedger.Consensus.Messages;
using TrustLedger.Node.Core.Chain;
using TrustLedger.Node.Security;
using TrustLedger.Proto.Peer.V1;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Peers;

/// <summary>
/// The outbound side of one peer: two queues, each drained by its own loop into signed batches — consensus traffic
/// (messages and status, small and urgent) and shared transactions (bulky), so a burst of transactions never delays a
/// vote. Consensus batches go out without waiting for the previous call to return (up to
/// <see cref="ConsensusCallsInFlight"/> calls at once, multiplexed on the one HTTP/2 connection): a call that carries
/// our status waits for the peer's answer, and a vote must not queue behind it. Arrival order is not guaranteed, and
/// consensus does not need it. Best effort: when the peer is away, batches are dropped and queues keep only their
/// newest entries; consensus re-sends what matters once the peer is back.
/// </summary>
internal sealed class PeerLink : IAsyncDisposable
{
    private const int QueueLimit = 20_000;
    private const int ConsensusCallsInFlight = 4;
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    private readonly ChainConfig _chain;
    private readonly KeyPair _key;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action<PeerAnswer> _onAnswer;
    private readonly GrpcChannel _channel;
    private readonly Peer.PeerClient _client;
    private readonly Channel<object> _consensus = Bounded();
    private readonly Channel<SignedTransaction> _transactions = Channel.CreateBounded<SignedTransaction>(
        new BoundedChannelOptions(QueueLimit) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly SemaphoreSlim _consensusCalls = new(ConsensusCallsInFlight);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _loops;
    private readonly Lock _complaintLock = new();
    private DateTimeOffset _lastComplaint = DateTimeOffset.MinValue;

    public PeerLink(string url, ChainConfig chain, KeyPair key, TimeProvider time, ILogger logger, Action<PeerAnswer> onAnswer, NodeTls? tls = null)
    {
        Url = url;
        (_chain, _key, _time, _logger, _onAnswer) = (chain, key, time, logger, onAnswer);
        _channel = GrpcChannel.ForAddress(url, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = 128 * 1024 * 1024,
            MaxSendMessageSize = 128 * 1024 * 1024,
            // HTTP/2 pings find a connection that died silently (a partition, a paused peer) so calls fail and reconnect
            // instead of hanging on it.
            HttpHandler = Handler(tls),
        });
        _client = new Peer.PeerClient(_channel);
        _loops = [Task.Run(SendConsensus), Task.Run(SendTransactions)];
    }

    public string Url { get; }

    private static SocketsHttpHandler Handler(NodeTls? tls)
    {
        var handler = new SocketsHttpHandler
        {
            KeepAlivePingDelay = TimeSpan.FromSeconds(10),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(5),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            EnableMultipleHttp2Connections = true,
        };
        tls?.Secure(handler);
        return handler;
    }

    /// <summary>True once a call succeeded and no call failed since.</summary>
    public bool IsConnected { get; private set; }

    public void Enqueue(ConsensusMessage message) => _consensus.Writer.TryWrite(message);

    public void Enqueue(Core.Consensus.PeerStatus status) => _consensus.Writer.TryWrite(status);

    public void Enqueue(SignedTransaction tx) => _transactions.Writer.TryWrite(tx);

    private async Task SendConsensus()
    {
        var reader = _consensus.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stop.Token))
            {
                await _consensusCalls.WaitAsync(_stop.Token); // while every call is out, what arrives joins the next batch
                var body = new PeerBody();
                while (body.ConsensusMessages.Count < 2_000 && reader.TryRead(out var item))
                {
                    if (item is ConsensusMessage message) body.ConsensusMessages.Add(ByteString.CopyFrom(message.Encode()));
                    else if (item is Core.Consensus.PeerStatus status) body.Status = new PeerStatus { Height = status.Height, Round = (uint)status.Round };
                }
                _ = SendConsensusBatch(body);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task SendConsensusBatch(PeerBody body)
    {
        try
        {
            await Send(body);
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        finally
        {
            _consensusCalls.Release();
        }
    }

    private async Task SendTransactions()
    {
        var reader = _transactions.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stop.Token))
            {
                var body = new PeerBody();
                var bytes = 0;
                while (body.Transactions.Count < 5_000 && bytes < 4 * 1024 * 1024 && reader.TryRead(out var tx))
                {
                    body.Transactions.Add(ByteString.CopyFrom(tx.Encode()));
                    bytes += tx.EncodedSize;
                }
                await Send(body);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task Send(PeerBody body)
    {
        try
        {
            var envelope = PeerEnvelopes.Seal(_chain, _key, body, _time.GetUtcNow().ToUnixTimeMilliseconds());
            var answer = await _client.ExchangeAsync(envelope, deadline: DateTime.UtcNow.Add(CallTimeout), cancellationToken: _stop.Token);
            if (!IsConnected) _logger.LogInformation("Peer {Peer} reachable", Url);
            IsConnected = true;
            if (answer.Commits.Count > 0 || answer.ConsensusMessages.Count > 0 || answer.Height > 0) _onAnswer(answer);
        }
        catch (Exception e) when (!_stop.IsCancellationRequested && e is RpcException or HttpRequestException or IOException or InvalidOperationException)
        {
            IsConnected = false;
            var now = _time.GetUtcNow();
            bool complain;
            lock (_complaintLock) // consensus calls run concurrently
            {
                complain = now - _lastComplaint > TimeSpan.FromSeconds(10);
                if (complain) _lastComplaint = now;
            }
            if (complain)
            {
                _logger.LogWarning("Peer {Peer} unreachable or refusing: {Error}", Url, e is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : e.Message);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), _time, _stop.Token); // don't spin against a peer that is down
        }
    }

    private static Channel<object> Bounded() => Channel.CreateBounded<object>(
        new BoundedChannelOptions(QueueLimit) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try
        {
            await Task.WhenAll(_loops);
            for (var i = 0; i < ConsensusCallsInFlight; i++) await _consensusCalls.WaitAsync(); // calls still out end on _stop
        }
        catch (OperationCanceledException)
        {
        }
        _channel.Dispose();
        _consensusCalls.Dispose();
        _stop.Dispose();
    }
}
