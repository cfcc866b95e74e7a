using TrustLedger.Consensus.Messages;
using TrustLedger.Node.Core.Chain;
using TrustLedger.Node.Core.Consensus;
using TrustLedger.Node.Security;
using TrustLedger.Proto.Peer.V1;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Peers;

/// <summary>
/// The validator's links to its peers (from <c>--peers</c>), as the consensus driver's transport; over mutual TLS
/// (https:// peers, the node's certificate as client certificate, the peer's checked against the pins) when the node has it. Answers to our
/// status (block sync, missed messages) are handed to the driver once it is attached.
/// </summary>
public sealed class PeerNetwork : IPeerTransport, IAsyncDisposable
{
    private readonly ChainConfig _chain;
    private readonly List<PeerLink> _links;
    private ConsensusDriver? _driver;

    public PeerNetwork(IReadOnlyList<string> urls, ChainConfig chain, KeyPair key, TimeProvider time, ILogger logger, NodeTls? tls = null)
    {
        _chain = chain;
        _links = urls.Select(url => new PeerLink(url, chain, key, time, logger, OnAnswer, tls)).ToList();
    }

    public IReadOnlyList<string> Urls => _links.Select(l => l.Url).ToList();

    public int Connected => _links.Count(l => l.IsConnected);

    public void Attach(ConsensusDriver driver) => _driver = driver;

    public void Broadcast(IReadOnlyList<ConsensusMessage> messages)
    {
        foreach (var link in _links)
            foreach (var message in messages) link.Enqueue(message);
    }

    public void ShareTransactions(IReadOnlyList<SignedTransaction> transactions)
    {
        foreach (var link in _links)
            foreach (var tx in transactions) link.Enqueue(tx);
    }

    public void AnnounceStatus(Core.Consensus.PeerStatus status)
    {
        foreach (var link in _links) link.Enqueue(status);
    }

    // Nothing in an answer is trusted: messages are checked by the core, commits against their certificates.
    private void OnAnswer(PeerAnswer answer)
    {
        if (_driver is null) return;
        try
        {
            var commits = answer.Commits.Select(c => new Core.Consensus.SyncedCommit(c.Value.ToByteArray(), CommitCertificate.Decode(c.Certificate.Span))).ToList();
            var messages = answer.ConsensusMessages.Select(m => ConsensusMessage.Decode(m.Span)).ToList();
            _driver.DeliverAnswer(new StatusAnswer(answer.Height, commits, messages));
        }
        catch (FormatException)
        {
            // A peer that answers garbage is ignored; its signed traffic, if any, still counts.
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var link in _links) await link.DisposeAsync();
    }
}
