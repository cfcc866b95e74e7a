using TrustLedger.Consensus.Messages;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Core.Consensus;

/// <summary>A decided block as block sync ships it: the value validators voted on, its certificate, and the sender's next height.</summary>
public sealed record SyncedCommit(byte[] Value, CommitCertificate Certificate);

/// <summary>A validator's position: the height it is deciding and its round there.</summary>
public readonly record struct PeerStatus(ulong Height, int Round);

/// <summary>What a peer sends back when told our status: the decisions we miss, or its messages of our round.</summary>
public sealed record StatusAnswer(ulong Height, IReadOnlyList<SyncedCommit> Commits, IReadOnlyList<ConsensusMessage> Messages)
{
    public static StatusAnswer Nothing(ulong height) => new(height, [], []);
}

/// <summary>
/// Outbound peer traffic. Best effort: a message may be lost (the driver re-sends what matters when it stalls), never
/// altered (everything is signed). Implementations queue and return at once; they never call back synchronously.
/// </summary>
public interface IPeerTransport
{
    /// <summary>Sends signed consensus messages to every validator peer.</summary>
    void Broadcast(IReadOnlyList<ConsensusMessage> messages);

    /// <summary>Hands admitted transactions to every validator peer, so whoever proposes next can include them.</summary>
    void ShareTransactions(IReadOnlyList<SignedTransaction> transactions);

    /// <summary>Tells every peer our status; answers (<see cref="StatusAnswer"/>) come back through the driver.</summary>
    void AnnounceStatus(PeerStatus status);
}
