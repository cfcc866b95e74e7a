using CsCheck;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Encoding;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Tests.Ledger;

/// <summary>Encode/Decode of signed transactions and blocks for both suites, and how decoding treats bad bytes.</summary>
public class LedgerRoundTripTests
{
    [Theory, MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void SignedTransaction_round_trips(string name)
    {
        var suite = CryptoSuites.Get(name);
        var signed = SignTx(suite, suite.GenerateKey(), nonce: 1);
        var decoded = SignedTransaction.Decode(signed.Encode(), suite);
        Assert.Equal(signed.Id, decoded.Id);
        Assert.Equal(signed.Sender, decoded.Sender);
        Assert.Equal(signed.Body, decoded.Body);
        Assert.Equal(signed.Signature, decoded.Signature);
        Assert.Equal(signed.Encode(), decoded.Encode());
        Assert.Equal(signed.EncodedSize, decoded.Encode().Length);
        Assert.True(decoded.VerifySignature(suite));
    }

    [Theory, MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void Tampered_transaction_decodes_but_fails_verification(string name)
    {
        var suite = CryptoSuites.Get(name);
        var encoded = SignTx(suite, suite.GenerateKey(), nonce: 1).Encode();
        var nonceOffset = encoded.Length - 4 - 64 - 24 + 7; // last byte of the nonce
        encoded[nonceOffset] ^= 0x01;
        var decoded = SignedTransaction.Decode(encoded, suite);
        Assert.Equal(0ul, decoded.Body.Nonce);
        Assert.False(decoded.VerifySignature(suite));
    }

    [Fact]
    public void Transaction_of_one_suite_does_not_verify_under_the_other()
    {
        var encoded = SignTx(CryptoSuites.Eth, CryptoSuites.Eth.GenerateKey(), nonce: 1).Encode();
        Assert.False(SignedTransaction.Decode(encoded, CryptoSuites.Sm).VerifySignature(CryptoSuites.Sm));
    }

    [Theory, MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void Block_round_trips(string name)
    {
        var suite = CryptoSuites.Get(name);
        var block = MakeBlock(suite);
        var bytes = block.Encode();
        var decoded = Block.Decode(bytes, suite);
        Assert.Equal(block.Header, decoded.Header);
        Assert.Equal(block.Transactions.Select(t => t.Id), decoded.Transactions.Select(t => t.Id));
        Assert.Equal(block.Receipts, decoded.Receipts);
        Assert.Equal(block.Commit, decoded.Commit);
        Assert.Equal(bytes, decoded.Encode());
        Assert.All(decoded.Transactions, tx => Assert.True(tx.VerifySignature(suite)));
        var set = ValidatorSet.FromPublicKeys(suite, Validators(suite).Select(v => v.PublicKey));
        var check = decoded.Commit.Verify(set, suite, decoded.Header.ChainId, decoded.Height, decoded.Header.ComputeHash(suite.Hash));
        Assert.True(check.IsValid, check.Error);
    }

    [Fact]
    public void Empty_block_round_trips()
    {
        var header = GoldenVectorTests.GoldenHeader(Address.Zero) with { TxCount = 0 };
        var block = new Block(header, [], [], new CommitCertificate(header.Height, 0, header.ComputeHash(CryptoSuites.Eth.Hash), []));
        Assert.Equal(block.Encode(), Block.Decode(block.Encode(), CryptoSuites.Eth).Encode());
    }

    [Theory, MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void Every_truncation_of_a_block_is_a_FormatException(string name)
    {
        var suite = CryptoSuites.Get(name);
        var bytes = MakeBlock(suite).Encode();
        for (var length = 0; length < bytes.Length; length++)
        {
            var prefix = bytes[..length];
            Assert.Throws<FormatException>(() => Block.Decode(prefix, suite));
        }
        Assert.Throws<FormatException>(() => Block.Decode([.. bytes, 0], suite));
    }

    [Theory, MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void Corrupted_blocks_decode_or_fail_with_FormatException_only(string name)
    {
        var suite = CryptoSuites.Get(name);
        var bytes = MakeBlock(suite).Encode();
        Gen.Select(Gen.Int[0, bytes.Length - 1], Gen.Byte[1, 255]).Array[1, 4].Sample(edits =>
        {
            var corrupt = bytes.ToArray();
            foreach (var (position, xor) in edits) corrupt[position] ^= xor;
            try
            {
                Block.Decode(corrupt, suite);
            }
            catch (FormatException)
            {
            }
        }, iter: 2000);
    }

    [Fact]
    public void Header_tx_count_disagreeing_with_the_body_is_a_FormatException()
    {
        var block = MakeBlock(CryptoSuites.Eth);
        var bytes = block.Encode();
        // TxCount sits after the tag, chain id, height, previous hash and time.
        var offset = "TL/block/v2".Length + "TL/header/v1".Length + 4 + block.Header.ChainId.Length + 8 + 32 + 8;
        bytes[offset + 3] ^= 0x01;
        var e = Assert.Throws<FormatException>(() => Block.Decode(bytes, CryptoSuites.Eth));
        Assert.Contains("header says", e.Message);
    }

    [Fact]
    public void Sender_key_that_is_not_65_bytes_uncompressed_is_a_FormatException()
    {
        var suite = CryptoSuites.Eth;
        var key = suite.GenerateKey();
        var body = GoldenVectorTests.GoldenTx(key) with { SenderPublicKey = key.PublicKey[1..] };
        var bytes = new CanonicalWriter().Raw(body.SigningBytes()).Bytes(new byte[64]).ToArray();
        Assert.Throws<FormatException>(() => SignedTransaction.Decode(bytes, suite));
    }

    private static SignedTransaction SignTx(ICryptoSuite suite, KeyPair key, ulong nonce) =>
        SignedTransaction.Sign(GoldenVectorTests.GoldenTx(key) with { Nonce = nonce }, key, suite);

    private static KeyPair[] Validators(ICryptoSuite suite) => [TestKeys.Golden(suite), suite.FromPrivateKey(Hex.Decode("0x" + new string('0', 62) + "07"))];

    private static Block MakeBlock(ICryptoSuite suite)
    {
        var sender = TestKeys.Golden(suite);
        var txs = new[] { SignTx(suite, sender, 1), SignTx(suite, sender, 2) };
        var receipts = new[] { Receipt.Ok(txs[0].Id, [0x2a]), Receipt.Failed(txs[1].Id, ErrorCode.PermissionDenied, "nope") };
        var header = GoldenVectorTests.GoldenHeader(sender.Address) with { TxCount = 2, LogSize = 2 };
        var commit = BlockCertificate.Sign(suite, header, round: 1, Validators(suite));
        return new Block(header, txs, receipts, commit);
    }
}
