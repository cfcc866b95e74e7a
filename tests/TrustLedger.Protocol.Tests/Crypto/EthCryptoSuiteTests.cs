using CsCheck;
using Nethereum.Signer;
using Nethereum.Util;
using Org.BouncyCastle.Math;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Tests.Crypto;

/// <summary>eth suite: Ethereum compatibility (addresses, signatures) cross-checked against Nethereum.</summary>
public class EthCryptoSuiteTests
{
    private static readonly ICryptoSuite Eth = CryptoSuites.Eth;
    private static readonly BigInteger N = new("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

    [Theory]
    // Private key 1: its address is the first example in every Ethereum key tutorial.
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001", "0x7e5f4552091a69125d5dfcb7b8c2659029395bdf")]
    // EIP-155's example key.
    [InlineData("4646464646464646464646464646464646464646464646464646464646464646", "0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f")]
    // web3.js documentation's example account.
    [InlineData("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318", "0x2c7536e3605d9c16a7a3d7b1898e529396a65c23")]
    // Web3 Secret Storage test vector key.
    [InlineData("7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d", "0x008aeeda4d805471df9b2a5b0f38a0c3bcba786b")]
    public void Known_private_keys_give_their_known_Ethereum_addresses(string privateKey, string address)
    {
        var key = Eth.FromPrivateKey(Hex.Decode(privateKey));
        Assert.Equal(Address.Parse(address), key.Address);
        Assert.Equal(address, new EthECKey(privateKey).GetPublicAddress().ToLowerInvariant());
    }

    [Fact]
    public void Random_keys_have_the_same_public_key_and_address_as_Nethereum()
    {
        for (var i = 0; i < 32; i++)
        {
            var key = Eth.GenerateKey();
            var theirs = new EthECKey(key.PrivateKey.ToArray(), isPrivate: true);
            Assert.Equal(theirs.GetPubKey(), key.PublicKey);
            Assert.Equal(theirs.GetPublicAddress().ToLowerInvariant(), key.Address.ToString());
            Assert.True(AddressUtil.Current.IsChecksumAddress(theirs.GetPublicAddress()));
        }
    }

    [Fact]
    public void Signatures_are_deterministic_and_identical_to_Nethereums_RFC6979_signature()
    {
        for (var i = 0; i < 16; i++)
        {
            var key = Eth.GenerateKey();
            var message = BitConverter.GetBytes(i * 7919);
            var ours = Eth.Sign(key, message);
            Assert.Equal(ours, Eth.Sign(key, message));

            var theirs = new EthECKey(key.PrivateKey.ToArray(), isPrivate: true).Sign(Sha3Keccack.Current.CalculateHash(message));
            Assert.True(theirs.IsLowS);
            Assert.Equal(ours, (byte[])[.. Pad32(theirs.R), .. Pad32(theirs.S)]);
        }
    }

    [Fact]
    public void Nethereum_signature_over_keccak_of_the_message_verifies_with_our_Verify()
    {
        var nethereum = EthECKey.GenerateKey();
        var message = "hello from nethereum"u8.ToArray();
        var signature = nethereum.SignAndCalculateV(Sha3Keccack.Current.CalculateHash(message));
        // Nethereum emits r‖s‖v with low s; TrustLedger carries r‖s and needs no recovery id.
        byte[] rs = [.. Pad32(signature.R), .. Pad32(signature.S)];
        Assert.True(Eth.Verify(nethereum.GetPubKey(), message, rs));
    }

    [Fact]
    public void Our_signature_verifies_with_Nethereum_and_recovers_our_address()
    {
        var key = Eth.GenerateKey();
        var message = "recover me"u8.ToArray();
        var signature = Eth.Sign(key, message);
        var hash = Sha3Keccack.Current.CalculateHash(message);
        var theirs = new EthECDSASignature(new BigInteger(1, signature[..32]), new BigInteger(1, signature[32..]), [27]);
        Assert.True(new EthECKey(key.PublicKey, isPrivate: false).VerifyAllowingOnlyLowS(hash, theirs));

        var recovered = Enumerable.Range(27, 2)
            .Select(v => EthECKey.RecoverFromSignature(new EthECDSASignature(new BigInteger(1, signature[..32]), new BigInteger(1, signature[32..]), [(byte)v]), hash))
            .Select(k => k.GetPublicAddress().ToLowerInvariant());
        Assert.Contains(key.Address.ToString(), recovered);
    }

    [Fact]
    public void High_s_twin_is_valid_ECDSA_but_rejected_until_normalised()
    {
        var key = Eth.GenerateKey();
        var message = "malleable?"u8.ToArray();
        var low = Eth.Sign(key, message);
        var s = new BigInteger(1, low[32..]);
        byte[] high = [.. low[..32], .. Pad32(N.Subtract(s).ToByteArrayUnsigned())];

        // Plain ECDSA accepts both (Nethereum's permissive Verify shows it); the suite accepts only low s.
        var hash = Sha3Keccack.Current.CalculateHash(message);
        var permissive = new EthECKey(key.PublicKey, isPrivate: false);
        Assert.True(permissive.Verify(hash, new EthECDSASignature(new BigInteger(1, high[..32]), new BigInteger(1, high[32..]), [27])));
        Assert.False(Eth.Verify(key.PublicKey, message, high));

        Assert.Equal(low, EthCryptoSuite.NormalizeLowS(high));
        Assert.Equal(low, EthCryptoSuite.NormalizeLowS(low));
        Assert.True(Eth.Verify(key.PublicKey, message, EthCryptoSuite.NormalizeLowS(high)));
    }

    [Fact]
    public void Boundary_s_equal_to_half_n_is_low_and_half_n_plus_one_is_high()
    {
        var halfN = N.ShiftRight(1);
        var key = Eth.GenerateKey();
        var r = Eth.Sign(key, "x"u8)[..32];
        byte[] atHalf = [.. r, .. Pad32(halfN.ToByteArrayUnsigned())];
        byte[] aboveHalf = [.. r, .. Pad32(halfN.Add(BigInteger.One).ToByteArrayUnsigned())];
        Assert.Equal(atHalf, EthCryptoSuite.NormalizeLowS(atHalf));
        Assert.Equal(halfN, new BigInteger(1, EthCryptoSuite.NormalizeLowS(aboveHalf)[32..]));
    }

    [Fact]
    public void NormalizeLowS_refuses_malformed_signatures()
    {
        Assert.Throws<ArgumentException>(() => EthCryptoSuite.NormalizeLowS(new byte[63]));
        Assert.Throws<ArgumentException>(() => EthCryptoSuite.NormalizeLowS(new byte[64]));
        Assert.Throws<ArgumentException>(() => EthCryptoSuite.NormalizeLowS([.. new byte[32], .. Pad32(N.ToByteArrayUnsigned())]));
    }

    [Fact]
    public void Every_signature_has_low_s()
    {
        var key = Eth.GenerateKey();
        Gen.Byte.Array[0, 100].Sample(message =>
            new BigInteger(1, Eth.Sign(key, message)[32..]).CompareTo(N.ShiftRight(1)) <= 0, iter: 200);
    }

    private static byte[] Pad32(byte[] unsigned) => [.. new byte[32 - unsigned.Length], .. unsigned];
}
