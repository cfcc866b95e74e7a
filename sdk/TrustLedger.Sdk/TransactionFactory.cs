using System.Security.Cryptography;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Sdk;

/// <summary>
/// Builds and signs transactions for one chain and one key: a fresh random nonce each time and a validity
/// window around the local clock (one minute back for clock skew, <see cref="Validity"/> ahead).
/// </summary>
public sealed class TransactionFactory(string chainId, ICryptoSuite suite, KeyPair signer, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromMinutes(1);

    public TimeSpan Validity { get; init; } = TimeSpan.FromMinutes(10);
    public KeyPair Signer => signer;

    public SignedTransaction Create(string type, byte[] payload, ulong? nonce = null, TimeSpan? validity = null)
    {
        var now = _time.GetUtcNow();
        var body = new Transaction(chainId, signer.PublicKey, type, payload,
            nonce ?? RandomNonce(),
            (now - ClockSkewAllowance).ToUnixTimeMilliseconds(),
            (now + (validity ?? Validity)).ToUnixTimeMilliseconds());
        return SignedTransaction.Sign(body, signer, suite);
    }

    public static ulong RandomNonce() => BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
}
