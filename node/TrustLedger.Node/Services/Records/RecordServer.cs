using Grpc.Core;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Membership;
using TrustLedger.Node.Hosting;
using TrustLedger.Protocol.Primitives;
using TrustLedger.Protocol.Records;
using TrustLedger.Node.Storage.Records;

namespace TrustLedger.Node.Services.Records;

/// <summary>
/// The owner side of the record exchange: authenticates signed requests, checks grants against committed state,
/// commits the access (or purge) receipt, and only then releases the record, encrypted to the requester.
/// Never logs a record key or a record.
/// </summary>
public sealed partial class RecordServer(
    NodeRuntime runtime, IRecordProvider provider, OwnerSecret secret, RequestReplayGuard replay, OwnTransactions own,
    RecordsOptions options, TimeProvider time, ILogger<RecordServer> logger)
{
    private TimeSpan CommitTimeout => TimeSpan.FromSeconds(options.CommitTimeoutSeconds);

    /// <summary>
    /// Cheap checks first: the signer must be an active member key (committed state), then the timestamp must be in
    /// the window, and only then is the signature verified and a replay-guard slot taken — so outsiders, stale and
    /// forged requests cost no signature check or slot. The chain id is inside the signed bytes: a request for
    /// another chain fails the signature. Returns the signer's organisation.
    /// </summary>
    private string Authenticate(Address signer, long timestampMs, Func<bool> verifySignature, byte[] nonce, string what)
    {
        var organisation = runtime.Ledger.ReadState(state => MembershipState.OrganisationOf(state, signer))
            ?? throw Refuse(StatusCode.PermissionDenied, $"key {signer} is not an active key of any organisation in this network");
        if (replay.CheckTimestamp(timestampMs) is { } stale) throw stale;
        if (!verifySignature())
            throw Refuse(StatusCode.Unauthenticated, $"the {what} signature does not verify for the given public key on chain {runtime.Chain.ChainId}");
        if (replay.Admit(organisation, signer, nonce, timestampMs) is { } refused) throw refused;
        return organisation;
    }

    /// <summary>Block height and time a transaction submitted now would be judged at, as admission judges it.</summary>
    private (ulong Height, long TimeMs) NextBlock() =>
        (runtime.Ledger.Height + 1, Math.Max(time.GetUtcNow().ToUnixTimeMilliseconds(), runtime.Ledger.HeadTimeMs + 1));

    private Hash32 PurgeKeyHash(string datasetId, string recordKey) =>
        RecordHashes.RecordKeyHash(runtime.Chain.Suite.Hash,
            RecordSalts.ForPurges(runtime.Chain.Suite, secret.Bytes, runtime.Chain.ChainId, datasetId), datasetId, recordKey);

    /// <summary>The stored record, or null; a stored record that does not open is refused with DATA_LOSS (logged, never the key).</summary>
    private async Task<byte[]?> Read(string datasetId, string recordKey, CancellationToken cancellation)
    {
        try
        {
            return await provider.GetAsync(datasetId, recordKey, cancellation);
        }
        catch (RecordAtRestException e)
        {
            logger.LogError("Refused to serve a record of dataset {Dataset}: {Reason}", datasetId, e.Message);
            throw Refuse(StatusCode.DataLoss, $"the stored record cannot be served: {e.Message}");
        }
    }

    private static RpcException Refuse(StatusCode code, string reason) => new(new Status(code, reason));

    private static RpcException Refuse(ContractResult result) => new(new Status((StatusCode)(int)result.Code, result.Message));
}
