using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;
using TrustLedger.Protocol.Records;

namespace TrustLedger.Protocol.Tests.Records;

/// <summary>
/// GOLDEN VECTORS of the record exchange: the bytes requesters and owners sign, the envelope context, and the
/// salted hashes that go on the ledger. CHANGING ANY EXPECTED VALUE HERE IS A PROTOCOL BREAK: signed requests stop
/// verifying and committed access receipts stop matching the records they were for; a new layout needs a new tag
/// (TL/record-fetch/v2 …). The expected hashes were computed outside .NET (Python: hashlib SM3 and a reference
/// Keccak-256, the standard library's HMAC), so these tests also cross-check the hash and HMAC code.
/// </summary>
public class RecordProtocolGoldenTests
{
    private const string ChainId = "trustledger-golden";
    private static readonly string GrantId = string.Concat(Enumerable.Repeat("a1", 32));
    private static readonly string DatasetId = string.Concat(Enumerable.Repeat("d5", 32));
    private const string RecordKey = "330402199001011234";
    private const long TimestampMs = 1_700_000_000_000;
    private static readonly byte[] Nonce = [.. Enumerable.Range(0, 16).Select(i => (byte)i)];

    private static readonly string ChainField = "00000012" + "74727573746c65646765722d676f6c64656e";                // "trustledger-golden"
    private static readonly string GrantField = "00000040" + string.Concat(Enumerable.Repeat("6131", 32));          // "a1a1…" (64 ASCII)
    private static readonly string DatasetField = "00000040" + string.Concat(Enumerable.Repeat("6435", 32));        // "d5d5…"
    private const string KeyField = "00000012" + "333330343032313939303031303131323334";                             // "330402199001011234"
    private const string PublicKeyField = "00000041" +                                                               // SmGolden public key, 65 bytes
        "0409f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13";
    private const string TimestampField = "0000018bcfe56800";                                                        // i64 1 700 000 000 000
    private const string NonceField = "00000010" + "000102030405060708090a0b0c0d0e0f";

    [Fact]
    public void Fetch_request_signing_bytes()
    {
        var request = Fetch(TestKeys.SmGolden, CryptoSuites.Sm);
        var expected =
            "544c2f7265636f72642d66657463682f7631" +   // "TL/record-fetch/v1"
            ChainField + GrantField + DatasetField + KeyField + PublicKeyField + TimestampField + NonceField;
        Assert.Equal(expected, Convert.ToHexStringLower(request.SigningBytes()));
        Assert.Equal("7f64e576314ae9889b377177c1a2e03239dc0e3a2d55176c47a062feeca5e2ec", Convert.ToHexStringLower(request.Id(CryptoSuites.Sm.Hash).ToArray()));
        Assert.Equal("4423c26c5769a292f31835629aa6a33efa660e16477abb3f8a45790a1c23b194",
            Convert.ToHexStringLower(Fetch(TestKeys.EthGolden, CryptoSuites.Eth).Id(CryptoSuites.Eth.Hash).ToArray()));
    }

    [Fact]
    public void Fetch_request_envelope_context()
    {
        var request = Fetch(TestKeys.SmGolden, CryptoSuites.Sm);
        var expected =
            "544c2f7265636f72642d656e76656c6f70652f7631" +   // "TL/record-envelope/v1"
            ChainField + GrantField + DatasetField + KeyField +
            "7f64e576314ae9889b377177c1a2e03239dc0e3a2d55176c47a062feeca5e2ec";   // request id (SM3 of the signed bytes)
        Assert.Equal(expected, Convert.ToHexStringLower(request.EnvelopeContext(CryptoSuites.Sm.Hash)));
    }

    [Fact]
    public void Purge_request_signing_bytes()
    {
        var request = RecordPurgeRequest.Sign(CryptoSuites.Sm, TestKeys.SmGolden, ChainId, DatasetId, RecordKey, "retention period ended", TimestampMs, Nonce);
        var expected =
            "544c2f7265636f72642d70757267652f7631" +   // "TL/record-purge/v1"
            ChainField + DatasetField + KeyField +
            "00000016" + "726574656e74696f6e20706572696f6420656e646564" +   // reason "retention period ended"
            PublicKeyField + TimestampField + NonceField;
        Assert.Equal(expected, Convert.ToHexStringLower(request.SigningBytes()));
        Assert.True(request.VerifySignature(CryptoSuites.Sm));
    }

    [Fact]
    public void Put_request_signing_bytes_and_shape()
    {
        var request = RecordPutRequest.Sign(CryptoSuites.Sm, TestKeys.SmGolden, ChainId, DatasetId, RecordKey, "{\"a\":1}"u8.ToArray(), TimestampMs, Nonce);
        var expected =
            "544c2f7265636f72642d7075742f7631" +   // "TL/record-put/v1"
            ChainField + DatasetField + KeyField +
            "00000007" + "7b2261223a317d" +       // record {"a":1}
            PublicKeyField + TimestampField + NonceField;
        Assert.Equal(expected, Convert.ToHexStringLower(request.SigningBytes()));
        Assert.True(request.VerifySignature(CryptoSuites.Sm));
        Assert.Null(request.CheckShape(CryptoSuites.Sm));
        Assert.False((request with { RecordJson = "{\"a\":2}"u8.ToArray() }).VerifySignature(CryptoSuites.Sm));
        Assert.NotNull((request with { RecordJson = [] }).CheckShape(CryptoSuites.Sm));
        Assert.NotNull((request with { RecordJson = new byte[RecordPutRequest.MaxRecordLength + 1] }).CheckShape(CryptoSuites.Sm));
    }

    [Theory]
    [InlineData("eth", "9ae4c8df5d705fb415114e4501e1300c2024aa251fae37fa809cb8b967e528ae", "ebb3675a9bf8143589b0bc92ab90d9d82aeec39c840cece347cd08da35557b08")]
    [InlineData("sm", "6292c8d935074b5253b5a2521e13d9bb08bf190c103cf31b3ab150c0ee987509", "45257ce4980e52d63db6f2e3ff27344a05f5c31c426905e49d808e839c63383e")]
    public void Salted_hashes(string suite, string keyHash, string contentHash)
    {
        // record key hash = H("TL/record-key/v1" ‖ bytes(salt 00…1f) ‖ string(dataset id) ‖ string(record key))
        // content hash    = H("TL/record-content/v1" ‖ bytes(salt 20…3f) ‖ bytes({"name":"张三"}))
        var hash = CryptoSuites.Get(suite).Hash;
        Assert.Equal(keyHash, Convert.ToHexStringLower(RecordHashes.RecordKeyHash(hash, Bytes(0, 32), DatasetId, RecordKey).ToArray()));
        Assert.Equal(contentHash, Convert.ToHexStringLower(RecordHashes.ContentHash(hash, Bytes(32, 32), """{"name":"张三"}"""u8).ToArray()));
    }

    [Theory]
    [InlineData("eth", "9ee5bbee9a901751be5e81cef7569e1dcebb632513dacdb3daf0d7e8452f5797", "871c5f3409eb7acb9a964607f311491dc4df04acefa7a11ed49ee60c490c1213")]
    [InlineData("sm", "f50911289ec972593f69c692779652112151b529e83b6f6cea89d5202ffe8cc0", "f9ae960477cb6e5080568d8072ac08ae3575333c7df9a883471bb5e1b604eff9")]
    public void Owner_salts(string suite, string grantSalt, string purgeSalt)
    {
        // HMAC-Keccak-256 / HMAC-SM3 with secret 40…5f over the tagged chain id and grant / dataset id.
        var s = CryptoSuites.Get(suite);
        Assert.Equal(grantSalt, Convert.ToHexStringLower(RecordSalts.ForGrant(s, Bytes(64, 32), ChainId, GrantId)));
        Assert.Equal(purgeSalt, Convert.ToHexStringLower(RecordSalts.ForPurges(s, Bytes(64, 32), ChainId, DatasetId)));
    }

    [Fact]
    public void Salts_differ_per_grant_and_dataset_and_need_a_real_secret()
    {
        var secret = Bytes(64, 32);
        var other = string.Concat(Enumerable.Repeat("b2", 32));
        Assert.NotEqual(RecordSalts.ForGrant(CryptoSuites.Eth, secret, ChainId, GrantId), RecordSalts.ForGrant(CryptoSuites.Eth, secret, ChainId, other));
        Assert.NotEqual(RecordSalts.ForGrant(CryptoSuites.Eth, secret, ChainId, GrantId), RecordSalts.ForPurges(CryptoSuites.Eth, secret, ChainId, GrantId));
        Assert.NotEqual(RecordSalts.ForGrant(CryptoSuites.Eth, secret, ChainId, GrantId), RecordSalts.ForGrant(CryptoSuites.Eth, secret, "other-chain", GrantId));
        Assert.Throws<ArgumentException>(() => RecordSalts.ForGrant(CryptoSuites.Eth, Bytes(0, 16), ChainId, GrantId));
        Assert.Throws<ArgumentException>(() => RecordHashes.ContentHash(CryptoSuites.Eth.Hash, Bytes(0, 16), []));
    }

    [Theory]
    [MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void Signed_requests_verify_and_any_changed_field_does_not(string suiteName)
    {
        var suite = CryptoSuites.Get(suiteName);
        var request = Fetch(suite.GenerateKey(), suite);
        Assert.True(request.VerifySignature(suite));
        Assert.Null(request.CheckShape(suite));
        Assert.False((request with { ChainId = "other" }).VerifySignature(suite));
        Assert.False((request with { GrantId = DatasetId }).VerifySignature(suite));
        Assert.False((request with { DatasetId = GrantId }).VerifySignature(suite));
        Assert.False((request with { RecordKey = "330402199001011235" }).VerifySignature(suite));
        Assert.False((request with { TimestampMs = TimestampMs + 1 }).VerifySignature(suite));
        Assert.False((request with { Nonce = new byte[16] }).VerifySignature(suite));
        Assert.False((request with { RequesterPublicKey = suite.GenerateKey().PublicKey }).VerifySignature(suite));
    }

    [Fact]
    public void Malformed_requests_are_named()
    {
        var request = Fetch(TestKeys.EthGolden, CryptoSuites.Eth);
        Assert.Contains("grant_id", (request with { GrantId = "0x" + GrantId })!.CheckShape(CryptoSuites.Eth));
        Assert.Contains("dataset_id", (request with { DatasetId = DatasetId.ToUpperInvariant() })!.CheckShape(CryptoSuites.Eth));
        Assert.Contains("record key", (request with { RecordKey = "" })!.CheckShape(CryptoSuites.Eth));
        Assert.Contains("public key", (request with { RequesterPublicKey = TestKeys.EthGolden.PublicKey[..64] })!.CheckShape(CryptoSuites.Eth));
        Assert.Contains("nonce", (request with { Nonce = new byte[8] })!.CheckShape(CryptoSuites.Eth));
        Assert.Contains("signature", (request with { Signature = new byte[65] })!.CheckShape(CryptoSuites.Eth));
    }

    private static RecordFetchRequest Fetch(KeyPair key, ICryptoSuite suite) =>
        RecordFetchRequest.Sign(suite, key, ChainId, GrantId, DatasetId, RecordKey, TimestampMs, Nonce);

    private static byte[] Bytes(int start, int count) => [.. Enumerable.Range(start, count).Select(i => (byte)i)];
}
