using System.Security.Cryptography;
using TrustLedger.Protocol.Crypto;

namespace TrustLedger.Protocol.Ledger;

/// <summary>
/// Builds and signs transactions for one chain and one key: a fresh random nonce each time and a validity
/// window around the local clock (one minute back for clock skew, <see cref="Validity"/> ahead). Used by the SDK for
/// clients and by the node for the receipts it signs itself.
/// </summary>
public sealed class TransactionFactory(string chainId, ICryptoSuite suite, KeyPair signer, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>How far before the local clock a transaction's validity window starts.</summary>
    public static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromMinutes(1);

    /// <summary>How long after the local clock a transaction stays valid, unless <see cref="Create"/> says otherwise.</summary>
    public TimeSpan Validity { get; init; } = TimeSpan.FromMinutes(10);
    /// <summary>The key every transaction is signed with.</summary>
    public KeyPair Signer => signer;

    /// <summary>Builds and signs one transaction; a random nonce unless <paramref name="nonce"/> is given.</summary>
    public SignedTransaction Create(string type, byte[] payload, ulong? nonce = null, TimeSpan? validity = null)
    {
        var now = _time.GetUtcNow();
        var body = new Transaction(chainId, signer.PublicKey, type, payload,
            nonce ?? RandomNonce(),
            (now - ClockSkewAllowance).ToUnixTimeMilliseconds(),
            (now + (validity ?? Validity)).ToUnixTimeMilliseconds());
        return SignedTransaction.Sign(body, signer, suite);
    }

    /// <summary>A nonce from the system's cryptographic random source.</summary>
    public static ulong RandomNonce() => BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
}
