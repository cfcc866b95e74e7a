using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Sdk;

/// <summary>
/// Source compatibility for department apps written against earlier SDKs: transaction construction now lives in
/// <see cref="Protocol.Ledger.TransactionFactory"/>, which the node uses too. This wrapper delegates to it.
/// </summary>
[Obsolete("Use TrustLedger.Protocol.Ledger.TransactionFactory (same members); this wrapper will be removed.")]
public sealed class TransactionFactory(string chainId, ICryptoSuite suite, KeyPair signer, TimeProvider? time = null)
{
    private readonly Protocol.Ledger.TransactionFactory _inner = new(chainId, suite, signer, time);

    public static readonly TimeSpan ClockSkewAllowance = Protocol.Ledger.TransactionFactory.ClockSkewAllowance;

    public TimeSpan Validity { get; init; } = TimeSpan.FromMinutes(10);
    public KeyPair Signer => _inner.Signer;

    public SignedTransaction Create(string type, byte[] payload, ulong? nonce = null, TimeSpan? validity = null) =>
        _inner.Create(type, payload, nonce, validity ?? Validity);

    public static ulong RandomNonce() => Protocol.Ledger.TransactionFactory.RandomNonce();
}
