using Google.Protobuf;
using TrustLedger.Contracts.Messages;
using TrustLedger.Proto.Api.V1;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Sdk.Domain;

/// <summary>
/// Community points (<c>points.*</c>, 微嘉园 积分): community organisations award points to residents' own addresses;
/// a store redeems them with an authorisation the resident signed with its key (see <see cref="ResidentWallet"/>).
/// Get <c>client.Points</c> from <see cref="TrustLedgerClient"/>.
/// </summary>
public sealed class PointsClient
{
    private readonly TrustLedgerClient _client;

    internal PointsClient(TrustLedgerClient client) => _client = client;

    /// <summary>Awards points to a resident (community role); the receipt's value is the resident's balance afterwards.</summary>
    /// <param name="resident">The resident's address (of its own key; no identity on-chain).</param>
    /// <param name="amount">Points to award.</param>
    /// <param name="reasonCode">Why, as a token, e.g. <c>volunteer.cleanup</c>.</param>
    /// <param name="expiresAt">When the points lapse (block time); null = the network's default (never, unless configured).</param>
    /// <param name="cancellation">Cancels the wait.</param>
    public Task<ContractReceipt> AwardAsync(Address resident, ulong amount, string reasonCode, DateTimeOffset? expiresAt = null, CancellationToken cancellation = default) =>
        _client.ExecuteAsync("points.award", new AwardPointsRequest
        {
            Resident = ByteString.CopyFrom(resident.Bytes), Amount = amount, ReasonCode = reasonCode, ExpiresAtMs = expiresAt?.ToUnixTimeMilliseconds() ?? 0,
        }, cancellation);

    /// <summary>
    /// Submits a resident's signed redemption (store role; the authorisation must name the client's organisation as the
    /// store). The receipt's value is the resident's balance afterwards. A redemption id applies once.
    /// </summary>
    public Task<ContractReceipt> RedeemAsync(RedeemPointsRequest authorisation, CancellationToken cancellation = default) =>
        _client.ExecuteAsync("points.redeem", authorisation, cancellation);

    /// <summary>Books a resident's expired lots (community, store or admin).</summary>
    public Task<ContractReceipt> ExpireAsync(Address resident, CancellationToken cancellation = default) =>
        _client.ExecuteAsync("points.expire", new ExpirePointsRequest { Resident = ByteString.CopyFrom(resident.Bytes) }, cancellation);

    /// <summary>Sets a community organisation's monthly award cap (admin).</summary>
    public Task<ContractReceipt> SetCapAsync(string issuer, ulong monthlyCap, CancellationToken cancellation = default) =>
        _client.ExecuteAsync("points.set_cap", new SetIssuerCapRequest { IssuerOrganisation = issuer, MonthlyCap = monthlyCap }, cancellation);

    /// <summary>
    /// Signs a redemption authorisation with <paramref name="resident"/>'s key for this client's network — what a resident's
    /// app does (see <see cref="ResidentWallet"/>); handy for tests and demos where both sides run in one process.
    /// </summary>
    public RedeemPointsRequest AuthoriseRedemption(KeyPair resident, string store, ulong amount, TimeSpan? validFor = null, string? redemptionId = null) =>
        new ResidentWallet(resident, _client.ChainId).AuthoriseRedemption(store, amount, validFor, redemptionId);

    /// <summary>A resident's usable balance (expired lots excluded) and account; zero for an address that never held points.</summary>
    public async Task<PointsBalance> GetBalanceAsync(Address resident, CancellationToken cancellation = default) =>
        await _client.QueryRpc.GetPointsBalanceAsync(new GetPointsBalanceRequest { Resident = resident.ToString() }, cancellationToken: cancellation);

    /// <summary>A resident's awards, redemptions and expiries in order.</summary>
    public async Task<IReadOnlyList<PointsEntry>> GetHistoryAsync(Address resident, ulong from = 1, uint limit = 100, CancellationToken cancellation = default) =>
        (await _client.QueryRpc.GetPointsHistoryAsync(new GetPointsHistoryRequest { Resident = resident.ToString(), From = from, Limit = limit }, cancellationToken: cancellation)).Entries;

    /// <summary>Network totals and per-store / per-issuer totals (default: every store and every community organisation).</summary>
    public async Task<PointsTotalsReport> GetTotalsAsync(IEnumerable<string>? stores = null, IEnumerable<string>? issuers = null, CancellationToken cancellation = default)
    {
        var request = new GetPointsTotalsRequest();
        request.Stores.AddRange(stores ?? []);
        request.Issuers.AddRange(issuers ?? []);
        return await _client.QueryRpc.GetPointsTotalsAsync(request, cancellationToken: cancellation);
    }

    /// <summary>An applied redemption, or null if the id was never applied for this resident.</summary>
    public Task<RedemptionRecord?> GetRedemptionAsync(Address resident, string redemptionId, CancellationToken cancellation = default) =>
        TrustLedgerClient.FindAsync(_client.QueryRpc.GetRedemptionAsync(new GetRedemptionRequest { Resident = resident.ToString(), RedemptionId = redemptionId }, cancellationToken: cancellation));
}
