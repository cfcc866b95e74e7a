using Google.Protobuf;
using TrustLedger.Contracts.Messages;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Crypto.Encryption;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;
using TrustLedger.Protocol.Records;
using TrustLedger.Sdk.Records;

namespace TrustLedger.Sdk.Tests.Records;

/// <summary>
/// The requester's refusals, one by one, against a served record and a committed receipt built by hand the way an
/// honest owner builds them; every deviation an owner (or anyone between) could make must be refused.
/// </summary>
public class RecordReceiptCheckTests
{
    private const string Chain = "trustledger-test";
    private static readonly string GrantId = string.Concat(Enumerable.Repeat("a1", 32));
    private static readonly string DatasetId = string.Concat(Enumerable.Repeat("d5", 32));
    private const string Key = "330402199001011234";
    private static readonly byte[] Content = """{"head":"张三","members":4}"""u8.ToArray();

    public static IEnumerable<object[]> Suites() => [["eth"], ["sm"]];

    [Theory]
    [MemberData(nameof(Suites))]
    public void An_honest_answer_verifies(string suite)
    {
        var s = new Scenario(suite);
        var record = s.Check();
        Assert.Equal("""{"head":"张三","members":4}""", record.Json);
        Assert.Equal(Content, record.Content);
        Assert.Equal(7UL, record.Receipt.Height);
        Assert.Equal(3UL, record.Receipt.Sequence);
        Assert.Equal(GrantId, record.Receipt.GrantId);
        Assert.Equal(s.Requester.Address, record.Receipt.Requester);
        Assert.Equal(RecordHashes.ContentHash(s.Suite.Hash, record.ContentSalt, record.Content), record.Receipt.ContentHash);
        Assert.DoesNotContain("张三", record.ToString());
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void A_tampered_envelope_is_refused(string suite)
    {
        var s = new Scenario(suite) { TamperAt = -20 };
        Assert.Contains("cannot be opened", Assert.Throws<RecordVerificationException>(() => s.Check()).Message);
    }

    [Fact]
    public void An_envelope_answering_another_request_is_refused()
    {
        var s = new Scenario("eth");
        s.Request = RecordFetchRequest.Sign(s.Suite, s.Requester, Chain, GrantId, DatasetId, Key, 1_700_000_000_000);
        Assert.Throws<RecordVerificationException>(() => s.Check());
    }

    [Fact]
    public void An_envelope_for_another_requester_is_refused()
    {
        var s = new Scenario("sm");
        s.Requester = s.Suite.GenerateKey();
        Assert.Throws<RecordVerificationException>(() => s.Check());
    }

    [Fact]
    public void A_receipt_of_other_content_is_refused()
    {
        var s = new Scenario("eth");
        s.Payload.ContentHash = ByteString.CopyFrom(RecordHashes.ContentHash(s.Suite.Hash, s.ContentSalt, """{"head":"李四","members":4}"""u8).ToArray());
        Assert.Contains("content hash", Assert.Throws<RecordVerificationException>(() => s.Check()).Message);
    }

    [Fact]
    public void A_receipt_for_another_record_key_is_refused()
    {
        var s = new Scenario("sm");
        s.Payload.RecordKeyHash = ByteString.CopyFrom(RecordHashes.RecordKeyHash(s.Suite.Hash, s.KeySalt, DatasetId, "330402199001011235").ToArray());
        Assert.Contains("another record key", Assert.Throws<RecordVerificationException>(() => s.Check()).Message);
    }

    [Fact]
    public void A_receipt_naming_another_requester_is_refused()
    {
        var s = new Scenario("eth");
        s.Payload.Requester = ByteString.CopyFrom(s.Suite.GenerateKey().Address.Bytes);
        Assert.Contains("names requester", Assert.Throws<RecordVerificationException>(() => s.Check()).Message);
    }

    [Fact]
    public void A_receipt_under_another_grant_is_refused()
    {
        var s = new Scenario("eth");
        s.Payload.GrantId = DatasetId;
        Assert.Contains("is for grant", Assert.Throws<RecordVerificationException>(() => s.Check()).Message);
    }

    [Fact]
    public void A_failed_receipt_is_refused()
    {
        var s = new Scenario("eth");
        s.Code = ErrorCode.FailedPrecondition;
        Assert.Contains("failed on the ledger", Assert.Throws<RecordVerificationException>(() => s.Check()).Message);
    }

    [Fact]
    public void A_transaction_that_is_no_access_receipt_is_refused()
    {
        var s = new Scenario("eth");
        s.Type = "data.purge";
        Assert.Contains("not an access receipt", Assert.Throws<RecordVerificationException>(() => s.Check()).Message);
    }

    [Fact]
    public void Position_claims_that_differ_from_the_ledger_are_refused()
    {
        var s = new Scenario("eth");
        s.ServedHeight = 8;
        Assert.Contains("committed at height 7", Assert.Throws<RecordVerificationException>(() => s.Check()).Message);
        s = new Scenario("eth") { ServedSequence = 2 };
        Assert.Contains("number 3", Assert.Throws<RecordVerificationException>(() => s.Check()).Message);
    }

    [Fact]
    public void A_response_naming_another_receipt_than_its_envelope_is_refused()
    {
        var s = new Scenario("eth");
        s.ServedTxId = s.Suite.Hash.Hash("another"u8);
        Assert.Contains("the envelope names access receipt", Assert.Throws<RecordVerificationException>(() => s.Check()).Message);
    }

    [Fact]
    public void Content_that_is_not_a_JSON_object_is_refused()
    {
        var s = new Scenario("eth", "[1,2]"u8.ToArray());
        Assert.Contains("not a JSON object", Assert.Throws<RecordVerificationException>(() => s.Check()).Message);
    }

    /// <summary>An honest exchange; tests change one thing before <see cref="Check"/>.</summary>
    private sealed class Scenario
    {
        public Scenario(string suite, byte[]? content = null)
        {
            Suite = CryptoSuites.Get(suite);
            Requester = SealTo = Suite.GenerateKey();
            Owner = Suite.GenerateKey();
            Request = SealFor = RecordFetchRequest.Sign(Suite, Requester, Chain, GrantId, DatasetId, Key, 1_700_000_000_000);
            Content = content ?? RecordReceiptCheckTests.Content;
            Payload = new RecordAccessRequest
            {
                GrantId = GrantId,
                RecordKeyHash = ByteString.CopyFrom(RecordHashes.RecordKeyHash(Suite.Hash, KeySalt, DatasetId, Key).ToArray()),
                ContentHash = ByteString.CopyFrom(RecordHashes.ContentHash(Suite.Hash, ContentSalt, Content).ToArray()),
                Requester = ByteString.CopyFrom(Requester.Address.Bytes),
            };
        }

        public ICryptoSuite Suite { get; }
        public KeyPair Owner { get; }
        public byte[] Content { get; }
        public byte[] KeySalt { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        public byte[] ContentSalt { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

        /// <summary>What the owner sealed the record to and for.</summary>
        public KeyPair SealTo { get; }
        public RecordFetchRequest SealFor { get; }

        /// <summary>What the requester opens with.</summary>
        public KeyPair Requester { get; set; }
        public RecordFetchRequest Request { get; set; }

        /// <summary>The committed receipt transaction.</summary>
        public RecordAccessRequest Payload { get; }
        public string Type { get; set; } = "data.record_access";
        public ErrorCode Code { get; set; } = ErrorCode.None;

        /// <summary>What the owner's node answered besides the envelope.</summary>
        public int? TamperAt { get; set; }
        public Hash32? ServedTxId { get; set; }
        public ulong ServedHeight { get; set; } = 7;
        public ulong ServedSequence { get; init; } = 3;

        public FetchedRecord Check()
        {
            var tx = SignedTransaction.Sign(new Transaction(Chain, Owner.PublicKey, Type, Payload.ToByteArray(), 42, 0, long.MaxValue), Owner, Suite);
            var envelope = Envelopes.For(Suite).Seal(SealTo.PublicKey, new SealedRecord(KeySalt, ContentSalt, tx.Id, Content).Encode(),
                SealFor.EnvelopeContext(Suite.Hash));
            if (TamperAt is { } at) envelope[at < 0 ? envelope.Length + at : at] ^= 1;
            var served = new ServedRecord(envelope, ServedTxId ?? tx.Id, ServedHeight, ServedSequence);

            var sealedRecord = RecordReceiptCheck.Open(Suite, Requester, Request, served);
            var output = new ContractOutput { Id = GrantId, Status = "recorded", Value = 3 }.ToByteArray();
            var receipt = new TxReceipt(tx.Id, Code, Code == ErrorCode.None ? "" : "grant is revoked", Code == ErrorCode.None ? output : [],
                7, 0, Suite.Hash.Hash("block"u8), DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
            return RecordReceiptCheck.Verify(Suite, Requester.Address, Request, served, sealedRecord, new CommittedTransaction(tx, receipt));
        }
    }
}
