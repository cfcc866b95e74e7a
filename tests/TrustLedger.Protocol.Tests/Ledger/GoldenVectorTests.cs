using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Tests.Ledger;

/// <summary>
/// GOLDEN VECTORS. These bytes are what senders and validators sign and what ids and header hashes are computed over.
/// CHANGING ANY EXPECTED HEX HERE IS A PROTOCOL BREAK: existing signatures, transaction ids and block hashes stop
/// verifying. A new layout needs a new tag version (TL/tx/v2 …) gated by height or protocol version, not an edit here.
/// Each vector is written field by field from the layout in the code, so a reader can check it without running it.
/// </summary>
public class GoldenVectorTests
{
    private const string ChainId = "trustledger-golden";

    private const string EthPublicKey =
        "044bc2a31265153f07e70e0bab08724e6b85e217f8cd628ceb62974247bb4933" +
        "82ce28cab79ad7119ee1ad3ebcdb98a16805211530ecc6cfefa1b88e6dff99232a";

    private const string SmPublicKey =
        "0409f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f350" +
        "20ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13";

    private static string TxSigningBytes(string publicKey) =>
        "544c2f74782f7631" +                                   // "TL/tx/v1"
        "00000012" + "74727573746c65646765722d676f6c64656e" +  // chain id "trustledger-golden"
        "00000041" + publicKey +                               // sender public key, 65 bytes
        "0000000c" + "6772616e742e637265617465" +              // type "grant.create"
        "00000004" + "deadbeef" +                              // payload
        "000000000000002a" +                                   // nonce 42
        "0000018bcfe56800" +                                   // not before 1 700 000 000 000 ms
        "0000018bcfe65260";                                    // not after 1 700 000 060 000 ms

    private static string HeaderBytes(string proposer) =>
        "544c2f6865616465722f7631" +                           // "TL/header/v1"
        "00000012" + "74727573746c65646765722d676f6c64656e" +  // chain id
        "0000000000000007" +                                   // height 7
        Repeat("11") +                                         // previous hash
        "0000018bcfe56be8" +                                   // time 1 700 000 001 000 ms
        "00000001" +                                           // tx count 1
        "000000000000000a" +                                   // log size 10
        Repeat("22") + Repeat("33") + Repeat("44") + Repeat("55") + // log, state, receipts roots; validator set hash
        proposer;                                              // proposer address, 20 bytes raw

    // A block's commit certificate holds precommit votes for its header hash.
    private static string PrecommitSigningBytes(string headerHash) =>
        "544c2f766f74652f7631" +                               // "TL/vote/v1"
        "00000012" + "74727573746c65646765722d676f6c64656e" +  // chain id
        "02" +                                                 // type precommit
        "0000000000000007" +                                   // height 7
        "00000003" +                                           // round 3
        "01" + headerHash;                                     // for a value: the header hash

    // eth: Keccak-256 ids, deterministic RFC 6979 signatures (so those are pinned too).
    private const string EthAddress = "9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f";
    private const string EthTxId = "1eb498ce4aaa0cace5286adac4f7195b314a5a11cdf30a62cd141f81a090081d";
    private const string EthTxSignature =
        "c3cd9591ebacf530cc97109075bf6ed9b4b9ed3a8ee0c50450e3ebd359007631" +
        "5e9155e84da77b8313115b2a23f184a91ec998cccea4de7cbb34e16e299a5d3c";
    private const string EthHeaderHash = "1e470d2d231a4ebc4475867c25c3152801699dc31446c422bae6a703e80cbdc1";
    private const string EthPrecommitSignature =
        "31dc055d00fe116d7637ee2fad65b0c7153c056616d9ff445c2ee11fc0efa72c" +
        "2ee21347c6ae948d73e158bea374b9f45a566d707fd9b2ad1010edfd3a94faec";

    // sm: SM3 ids; SM2 signatures use a random nonce, so only their validity is checked.
    private const string SmAddress = "2119e1ecc071c2f3d915245c8d9c5a2cb131a89d";
    private const string SmTxId = "2706245d43daff04d4b0b27d895de9724b621b718dbd5cc967bfd6b6c3cd06b4";
    private const string SmHeaderHash = "bf950377b584b980fc42fbb8f71bbdc864588db59d5aaaa7382565f6f57a17df";

    [Fact]
    public void Eth_transaction_signing_bytes_id_and_signature()
    {
        var signed = SignedTransaction.Sign(GoldenTx(TestKeys.EthGolden), TestKeys.EthGolden, CryptoSuites.Eth);
        Assert.Equal(TxSigningBytes(EthPublicKey), Convert.ToHexStringLower(signed.SigningBytes));
        Assert.Equal(Hash32.Parse(EthTxId), signed.Id);
        Assert.Equal(EthTxSignature, Convert.ToHexStringLower(signed.Signature));
        Assert.Equal(Address.Parse(EthAddress), signed.Sender);
        Assert.True(signed.VerifySignature(CryptoSuites.Eth));
        Assert.Equal(TxSigningBytes(EthPublicKey) + "00000040" + EthTxSignature, Convert.ToHexStringLower(signed.Encode()));
    }

    [Fact]
    public void Sm_transaction_signing_bytes_and_id()
    {
        var signed = SignedTransaction.Sign(GoldenTx(TestKeys.SmGolden), TestKeys.SmGolden, CryptoSuites.Sm);
        Assert.Equal(TxSigningBytes(SmPublicKey), Convert.ToHexStringLower(signed.SigningBytes));
        Assert.Equal(Hash32.Parse(SmTxId), signed.Id);
        Assert.Equal(Address.Parse(SmAddress), signed.Sender);
        Assert.True(signed.VerifySignature(CryptoSuites.Sm));
    }

    [Fact]
    public void Eth_block_header_encoding_hash_and_precommit_signature()
    {
        var header = GoldenHeader(TestKeys.EthGolden.Address);
        Assert.Equal(HeaderBytes(EthAddress), Convert.ToHexStringLower(header.Encode()));
        Assert.Equal(Hash32.Parse(EthHeaderHash), header.ComputeHash(CryptoSuites.Eth.Hash));
        var signingBytes = SignedBytes.Vote(ChainId, VoteType.Precommit, 7, 3, Hash32.Parse(EthHeaderHash));
        Assert.Equal(PrecommitSigningBytes(EthHeaderHash), Convert.ToHexStringLower(signingBytes));

        var precommit = BlockCertificate.SignPrecommit(CryptoSuites.Eth, TestKeys.EthGolden, header, round: 3);
        Assert.Equal(EthPrecommitSignature, Convert.ToHexStringLower(precommit.Signature));
        Assert.True(CryptoSuites.Eth.Verify(TestKeys.EthGolden.PublicKey, signingBytes, precommit.Signature));
    }

    [Fact]
    public void Sm_block_header_encoding_hash_and_precommit_signing_bytes()
    {
        var header = GoldenHeader(TestKeys.SmGolden.Address);
        Assert.Equal(HeaderBytes(SmAddress), Convert.ToHexStringLower(header.Encode()));
        Assert.Equal(Hash32.Parse(SmHeaderHash), header.ComputeHash(CryptoSuites.Sm.Hash));
        var signingBytes = SignedBytes.Vote(ChainId, VoteType.Precommit, 7, 3, Hash32.Parse(SmHeaderHash));
        Assert.Equal(PrecommitSigningBytes(SmHeaderHash), Convert.ToHexStringLower(signingBytes));

        var precommit = BlockCertificate.SignPrecommit(CryptoSuites.Sm, TestKeys.SmGolden, header, round: 3);
        Assert.True(CryptoSuites.Sm.Verify(TestKeys.SmGolden.PublicKey, signingBytes, precommit.Signature));
    }

    [Fact]
    public void Commit_certificate_encoding_in_a_block()
    {
        var certificate = new CommitCertificate(7, 3, Hash32.Parse(EthHeaderHash),
            [new PrecommitSignature(Address.Parse(EthAddress), Convert.FromHexString(EthPrecommitSignature))]);
        Assert.Equal(
            "0000000000000007" +                               // height 7
            "00000003" +                                       // round 3
            EthHeaderHash +                                    // value id: the header hash
            "00000001" +                                       // one precommit
            EthAddress +                                       // its validator, 20 bytes raw
            "00000040" + EthPrecommitSignature,                // its signature
            Convert.ToHexStringLower(certificate.Encode()));
    }

    [Fact]
    public void Validator_set_hash_of_the_golden_keys()
    {
        // "TL/validators/v1" ‖ u32(n) ‖ bytes(public key)…; the genesis set and a set read from state hash alike.
        var set = ValidatorSet.FromPublicKeys(CryptoSuites.Eth, [TestKeys.EthGolden.PublicKey]);
        var expected = CryptoSuites.Eth.Hash.Hash(Convert.FromHexString(
            "544c2f76616c696461746f72732f7631" + "00000001" + "00000041" + EthPublicKey));
        Assert.Equal(expected, set.ComputeHash(CryptoSuites.Eth.Hash));
        Assert.Equal(GenesisDocument.ComputeValidatorSetHash(CryptoSuites.Eth.Hash, [TestKeys.EthGolden.PublicKey]), set.ComputeHash(CryptoSuites.Eth.Hash));
    }

    [Fact]
    public void Receipt_encodings()
    {
        var id = Hash32.Parse(EthTxId);
        Assert.Equal(
            EthTxId +                                          // tx id
            "00000000" +                                       // code None
            "00000000" +                                       // message ""
            "00000002" + "0102",                               // output
            Convert.ToHexStringLower(Receipt.Ok(id, [0x01, 0x02]).Encode()));
        Assert.Equal(
            EthTxId +
            "00000007" +                                       // code PermissionDenied (gRPC 7)
            "00000017" + "6e6f206772616e7420666f72207265636f726420722d39" + // "no grant for record r-9"
            "00000000",                                        // no output
            Convert.ToHexStringLower(Receipt.Failed(id, ErrorCode.PermissionDenied, "no grant for record r-9").Encode()));
    }

    [Fact]
    public void Golden_keys_are_the_published_ones()
    {
        // The eth key is EIP-155's example; the sm key is GM/T 0003.5 Annex A's (public key published there).
        Assert.Equal(EthPublicKey, Convert.ToHexStringLower(TestKeys.EthGolden.PublicKey));
        Assert.Equal(EthPublicKey, Convert.ToHexStringLower(new Nethereum.Signer.EthECKey(TestKeys.EthGoldenPrivate).GetPubKey()));
        Assert.Equal(SmPublicKey, Convert.ToHexStringLower(TestKeys.SmGolden.PublicKey));
    }

    internal static Transaction GoldenTx(KeyPair key) =>
        new(ChainId, key.PublicKey, "grant.create", [0xde, 0xad, 0xbe, 0xef], 42, 1_700_000_000_000, 1_700_000_060_000);

    internal static BlockHeader GoldenHeader(Address proposer) =>
        new(ChainId, 7, Filled(0x11), 1_700_000_001_000, 1, 10, Filled(0x22), Filled(0x33), Filled(0x44), Filled(0x55), proposer);

    private static Hash32 Filled(byte value) => new(Enumerable.Repeat(value, Hash32.Length).ToArray());

    private static string Repeat(string hexByte) => string.Concat(Enumerable.Repeat(hexByte, Hash32.Length));
}
