using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Common;
using TrustLedger.Protocol.Crypto;

namespace TrustLedger.Contracts.Points;

/// <summary>
/// <c>points.*</c>: community organisations award points to pseudonymous resident addresses within a monthly
/// cap per issuer; a store redeems them with the resident's signature (<see cref="RedemptionAuthorisation"/>),
/// verified here with the network's suite. Balances never go negative, a redemption id is applied once per
/// resident, and points with an expiry are booked as expired (first-expiring first) whenever the account is
/// touched at or after that block time. Invariant: awarded − redeemed − expired = Σ balances.
/// </summary>
public sealed partial class PointsContract(ICryptoSuite suite, string chainId, PointsOptions? options = null) : IContract
{
    public const string AwardType = "points.award";
    public const string RedeemType = "points.redeem";
    public const string ExpireType = "points.expire";
    public const string SetCapType = "points.set_cap";

    public static readonly IReadOnlyList<string> TxTypes = [AwardType, RedeemType, ExpireType, SetCapType];

    public PointsOptions Options { get; } = options ?? new PointsOptions();

    public string Prefix => "points";

    public ContractResult Execute(TxContext tx, IStateStore state) => tx.Type switch
    {
        AwardType => Award(tx, state),
        RedeemType => Redeem(tx, state),
        ExpireType => Expire(tx, state),
        SetCapType => SetCap(tx, state),
        _ => Output.UnknownType(tx, TxTypes),
    };
}
