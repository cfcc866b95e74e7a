using System.Security.Cryptography;
using Google.Protobuf;
using TrustLedger.Contracts.Messages;
using TrustLedger.Contracts.Points;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Sdk.Domain;

/// <summary>
/// A resident's side of community points: the resident holds its own key (it is no member and never submits
/// transactions) and signs redemption authorisations that a store submits with <see cref="PointsClient.RedeemAsync"/>.
/// The signed payload is plain protobuf, so it can travel as bytes (<see cref="Encode"/>), e.g. in a QR code.
/// <code>
/// var wallet = new ResidentWallet(residentKey, chainId);
/// byte[] slip = ResidentWallet.Encode(wallet.AuthoriseRedemption("store-7", 30));
/// // at the store:
/// await storeClient.Points.RedeemAsync(ResidentWallet.Decode(slip));
/// </code>
/// </summary>
/// <param name="key">The resident's key; its suite must be the network's.</param>
/// <param name="chainId">The network's chain id (a signature is valid on that network only).</param>
/// <param name="time">Clock for the authorisation's expiry; the system clock by default.</param>
public sealed class ResidentWallet(KeyPair key, string chainId, TimeProvider? time = null)
{
    /// <summary>How long an authorisation stays valid unless stated: ten minutes of block time.</summary>
    public static readonly TimeSpan DefaultValidity = TimeSpan.FromMinutes(10);

    /// <summary>The resident's address: where points are awarded.</summary>
    public Address Address => key.Address;

    /// <summary>The resident's key.</summary>
    public KeyPair Key => key;

    /// <summary>A wallet with a fresh key of <paramref name="suite"/> (<c>eth</c> or <c>sm</c>).</summary>
    public static ResidentWallet Create(string suite, string chainId) => new(CryptoSuites.Get(suite).GenerateKey(), chainId);

    /// <summary>
    /// Signs an authorisation for <paramref name="store"/> to redeem <paramref name="amount"/> points, valid for
    /// <paramref name="validFor"/> (default <see cref="DefaultValidity"/>) under a redemption id that applies once (default: a fresh random one).
    /// </summary>
    public RedeemPointsRequest AuthoriseRedemption(string store, ulong amount, TimeSpan? validFor = null, string? redemptionId = null)
    {
        var expiresAt = (time ?? TimeProvider.System).GetUtcNow() + (validFor ?? DefaultValidity);
        return RedemptionAuthorisation.Sign(CryptoSuites.Get(key.Suite), chainId, key, store, amount,
            redemptionId ?? NewRedemptionId(), expiresAt.ToUnixTimeMilliseconds());
    }

    /// <summary>A fresh random redemption id, e.g. <c>r-3f09c1d2a4b5e6f7</c>.</summary>
    public static string NewRedemptionId() => "r-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>The authorisation as bytes, to hand to the store.</summary>
    public static byte[] Encode(RedeemPointsRequest authorisation) => authorisation.ToByteArray();

    /// <summary>An authorisation received as bytes; throws <see cref="InvalidProtocolBufferException"/> if malformed.</summary>
    public static RedeemPointsRequest Decode(byte[] bytes) => RedeemPointsRequest.Parser.ParseFrom(bytes);
}
