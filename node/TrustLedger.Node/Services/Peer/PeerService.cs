using Google.Protobuf;
using Grpc.Core;
using TrustLedger.Consensus.Messages;
using TrustLedger.Node.Core.Access;
using TrustLedger.Node.Core.Consensus;
using TrustLedger.Node.Hosting;
using TrustLedger.Node.Peers;
using TrustLedger.Contracts.Membership;
using TrustLedger.Node.Security;
using TrustLedger.Proto.Peer.V1;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Services.Peer;

/// <summary>
/// The validator-to-validator endpoint (peer_service.proto). Authenticates the envelope before reading anything,
/// checks the whole body before acting on any of it, then hands consensus messages to the driver, shared
/// transactions to admission (which verifies each one), and answers the sender's status.
/// </summary>
public sealed class PeerService(NodeRuntime runtime, TimeProvider time, ICertificateOrganisations certificates, ILogger<PeerService> logger)
    : Proto.Peer.V1.Peer.PeerBase
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(2);

    public override async Task<PeerAnswer> Exchange(PeerEnvelope request, ServerCallContext context)
    {
        if (runtime.Consensus is not { } consensus)
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "this node takes no part in consensus (a follower)"));
        var opened = PeerEnvelopes.Open(request, runtime.Chain, runtime.ValidatorSets!, runtime.Ledger.Height + 1,
            time.GetUtcNow().ToUnixTimeMilliseconds(), out var problem);
        if (opened is not { } envelope)
        {
            logger.LogWarning("Refused peer traffic from {Remote}: {Problem}", context.Peer, problem);
            throw new RpcException(new Status(StatusCode.Unauthenticated, problem!));
        }
        if (CertificateMismatch(context, envelope.Sender) is { } mismatch)
        {
            logger.LogWarning("Refused peer traffic from {Remote}: {Problem}", context.Peer, mismatch);
            throw new RpcException(new Status(StatusCode.Unauthenticated, mismatch));
        }
        var body = envelope.Body;
        List<ConsensusMessage> messages;
        List<SignedTransaction> transactions;
        try
        {
            messages = body.ConsensusMessages.Select(m => ConsensusMessage.Decode(m.Span)).ToList();
            transactions = body.Transactions.Select(t => SignedTransaction.Decode(t.Span, runtime.Chain.Suite)).ToList();
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"malformed peer body from {envelope.Sender}: {e.Message}"));
        }
        foreach (var message in messages) consensus.Deliver(message);
        if (transactions.Count > 0) runtime.Admission.AdmitBatch(transactions);
        if (body.Status is not { } status) return new PeerAnswer { Height = consensus.Status.Height };
        StatusAnswer answer;
        try
        {
            answer = await consensus.AnswerStatusAsync(new Core.Consensus.PeerStatus(status.Height, (int)Math.Min(status.Round, int.MaxValue)))
                .WaitAsync(AnswerTimeout, context.CancellationToken);
        }
        catch (TimeoutException)
        {
            return new PeerAnswer { Height = consensus.Status.Height }; // busy (a long commit): the sender asks again when it stalls
        }
        var reply = new PeerAnswer { Height = answer.Height };
        foreach (var commit in answer.Commits)
            reply.Commits.Add(new Proto.Peer.V1.SyncedCommit { Value = ByteString.CopyFrom(commit.Value), Certificate = ByteString.CopyFrom(commit.Certificate.Encode()) });
        foreach (var message in answer.Messages) reply.ConsensusMessages.Add(ByteString.CopyFrom(message.Encode()));
        return reply;
    }

    /// <summary>
    /// Over mutual TLS the connection's certificate names an organisation; the validator key that signed the envelope must
    /// be one that organisation runs (in the governance schedule), so one organisation's node never speaks as another's.
    /// </summary>
    private string? CertificateMismatch(ServerCallContext context, Protocol.Primitives.Address sender)
    {
        if (context.GetHttpContext().Connection.ClientCertificate is not { } certificate) return null; // plaintext (dev, --insecure-plaintext)
        var organisation = certificates.OrganisationOf(certificate);
        var runs = organisation is not null && runtime.Ledger.ReadState(state =>
            ValidatorOwnership.Runs(MembershipState.Validators(state), runtime.Chain.Suite, organisation, sender));
        return runs ? null : $"validator {sender} is not run by organisation '{organisation}', whose certificate carries this connection";
    }
}
