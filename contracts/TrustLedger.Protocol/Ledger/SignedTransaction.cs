using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Encoding;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Ledger;

/// <summary>
/// A transaction with its signature. <see cref="Id"/> is the suite hash of the signing bytes, so it does not
/// depend on the signature encoding; <see cref="Sender"/> is derived from the public key.
/// Construction does not verify the signature: call <see cref="VerifySignature"/>.
/// </summary>
public sealed class SignedTransaction
{
    private SignedTransaction(Transaction body, byte[] signature, byte[] signingBytes, Hash32 id, Address sender)
    {
        Body = body;
        Signature = signature;
        SigningBytes = signingBytes;
        Id = id;
        Sender = sender;
    }

    public Transaction Body { get; }
    public byte[] Signature { get; }
    public byte[] SigningBytes { get; }
    public Hash32 Id { get; }
    public Address Sender { get; }

    /// <summary>Size of the canonical encoding, the figure the size limit is checked against.</summary>
    public int EncodedSize => SigningBytes.Length + 4 + Signature.Length;

    public static SignedTransaction Create(Transaction body, byte[] signature, ICryptoSuite suite)
    {
        var signingBytes = body.SigningBytes();
        return new SignedTransaction(body, signature, signingBytes, suite.Hash.Hash(signingBytes), suite.AddressOf(body.SenderPublicKey));
    }

    public static SignedTransaction Sign(Transaction body, KeyPair key, ICryptoSuite suite)
    {
        if (!body.SenderPublicKey.AsSpan().SequenceEqual(key.PublicKey))
            throw new ArgumentException("the transaction's sender key is not the signing key", nameof(key));
        var signingBytes = body.SigningBytes();
        var signature = suite.Sign(key, signingBytes);
        return new SignedTransaction(body, signature, signingBytes, suite.Hash.Hash(signingBytes), key.Address);
    }

    public bool VerifySignature(ICryptoSuite suite) => suite.Verify(Body.SenderPublicKey, SigningBytes, Signature);

    public void Write(CanonicalWriter w) => w.Raw(SigningBytes).Bytes(Signature);

    public byte[] Encode()
    {
        var w = new CanonicalWriter(EncodedSize);
        Write(w);
        return w.ToArray();
    }

    public static SignedTransaction Read(ref CanonicalReader r, ICryptoSuite suite)
    {
        var body = Transaction.ReadSigningBytes(ref r);
        var signature = r.Bytes();
        // Decoding reports every malformed input as FormatException; a key the suite cannot take is one.
        if (body.SenderPublicKey.Length != 65 || body.SenderPublicKey[0] != 0x04)
            throw new FormatException($"sender public key must be 65 bytes, uncompressed (0x04 prefix); got {body.SenderPublicKey.Length} bytes");
        return Create(body, signature, suite);
    }

    public static SignedTransaction Decode(ReadOnlySpan<byte> bytes, ICryptoSuite suite)
    {
        var r = new CanonicalReader(bytes);
        var tx = Read(ref r, suite);
        r.ExpectEnd();
        return tx;
    }

    public override string ToString() => $"tx {Id.ToShortString()} {Body.Type} from {Sender}";
}
