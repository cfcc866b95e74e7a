using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Crypto;

/// <summary>
/// A private key with its public key (65-byte uncompressed SEC1 point) and address.
/// <see cref="ToString"/> never prints the private key.
/// </summary>
public sealed class KeyPair
{
    private readonly byte[] _privateKey;

    public KeyPair(string suite, byte[] privateKey, byte[] publicKey, Address address)
    {
        Suite = suite;
        _privateKey = privateKey;
        PublicKey = publicKey;
        Address = address;
    }

    public string Suite { get; }
    public byte[] PublicKey { get; }
    public Address Address { get; }

    /// <summary>The 32-byte private scalar. Handle with care: never log it.</summary>
    public ReadOnlySpan<byte> PrivateKey => _privateKey;

    public override string ToString() => $"{Suite} key {Address}";
}
