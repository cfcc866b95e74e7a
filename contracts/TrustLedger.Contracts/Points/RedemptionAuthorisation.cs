using Google.Protobuf;
using TrustLedger.Contracts.Messages;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Encoding;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Contracts.Points;

/// <summary>
/// What a resident signs to let a store redeem points: canonical bytes
/// <c>"TL/points-redeem/v1" ‖ string(chain id) ‖ address(resident) ‖ string(store) ‖ u64(amount) ‖ string(redemption id) ‖ i64(expires_at_ms)</c>,
/// signed with the network's suite like a transaction. The chain id stops a signature being used on another network.
/// </summary>
public static class RedemptionAuthorisation
{
    public static ReadOnlySpan<byte> Tag => "TL/points-redeem/v1"u8;

    public static byte[] SigningBytes(string chainId, Address resident, string storeOrganisation, ulong amount, string redemptionId, long expiresAtMs) =>
        new CanonicalWriter(128)
            .Raw(Tag)
            .String(chainId)
            .Address(resident)
            .String(storeOrganisation)
            .U64(amount)
            .String(redemptionId)
            .I64(expiresAtMs)
            .ToArray();

    /// <summary>Builds a signed <c>points.redeem</c> payload with the resident's key (for the resident's app, SDK and tests).</summary>
    public static RedeemPointsRequest Sign(
        ICryptoSuite suite, string chainId, KeyPair resident, string storeOrganisation, ulong amount, string redemptionId, long expiresAtMs) => new()
    {
        ResidentPublicKey = ByteString.CopyFrom(resident.PublicKey),
        StoreOrganisation = storeOrganisation,
        Amount = amount,
        RedemptionId = redemptionId,
        ExpiresAtMs = expiresAtMs,
        ResidentSignature = ByteString.CopyFrom(
            suite.Sign(resident, SigningBytes(chainId, resident.Address, storeOrganisation, amount, redemptionId, expiresAtMs))),
    };
}
