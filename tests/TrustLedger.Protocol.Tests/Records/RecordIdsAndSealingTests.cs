using TrustLedger.Protocol.Primitives;
using TrustLedger.Protocol.Records;

namespace TrustLedger.Protocol.Tests.Records;

public class RecordIdsAndSealingTests
{
    private static readonly string Id = string.Concat(Enumerable.Repeat("0f", 32));

    [Fact]
    public void Ids_are_canonical_lower_case_hex()
    {
        Assert.True(RecordIds.IsCanonicalId(Id));
        Assert.False(RecordIds.IsCanonicalId(Id.ToUpperInvariant()));
        Assert.False(RecordIds.IsCanonicalId("0x" + Id));
        Assert.False(RecordIds.IsCanonicalId(Id[1..]));
        Assert.Equal(Id, RecordIds.Canonical("0X" + Id.ToUpperInvariant()));
        Assert.Null(RecordIds.Canonical("zz" + Id[2..]));
        Assert.Null(RecordIds.Canonical(null));
    }

    [Theory]
    [InlineData("330402199001011234", true)]
    [InlineData("张三/嘉兴", true)]
    [InlineData("", false)]
    [InlineData("tab\there", false)]
    public void Record_keys(string key, bool valid)
    {
        Assert.Equal(valid, RecordIds.CheckRecordKey(key) is null);
        Assert.DoesNotContain(key.Length > 0 ? key : "\0", RecordIds.CheckRecordKey(key) ?? "");
    }

    [Fact]
    public void Record_keys_must_be_valid_unicode()
    {
        Assert.Equal("record key is not valid Unicode", RecordIds.CheckRecordKey("a" + new string('\ud800', 1)));
    }

    [Fact]
    public void Record_keys_are_at_most_256_utf8_bytes()
    {
        Assert.Null(RecordIds.CheckRecordKey(new string('k', 256)));
        Assert.NotNull(RecordIds.CheckRecordKey(new string('k', 257)));
        Assert.NotNull(RecordIds.CheckRecordKey(new string('张', 86))); // 258 bytes
    }

    [Fact]
    public void Sealed_records_round_trip_and_refuse_malformed_bytes()
    {
        var record = new SealedRecord(new byte[32], Enumerable.Repeat((byte)7, 32).ToArray(), Hash32.Parse("0x" + Id), """{"a":1}"""u8.ToArray());
        var encoded = record.Encode();
        var decoded = SealedRecord.Decode(encoded);
        Assert.Equal(record.KeySalt, decoded.KeySalt);
        Assert.Equal(record.ContentSalt, decoded.ContentSalt);
        Assert.Equal(record.AccessTxId, decoded.AccessTxId);
        Assert.Equal(record.Content, decoded.Content);

        Assert.Throws<FormatException>(() => SealedRecord.Decode([.. encoded, 0]));
        Assert.Throws<FormatException>(() => SealedRecord.Decode(encoded[..^1]));
        Assert.Throws<FormatException>(() => SealedRecord.Decode([]));
        Assert.Throws<FormatException>(() => SealedRecord.Decode((record with { KeySalt = new byte[31] }).Encode()));
        var otherTag = encoded.ToArray();
        otherTag[0] ^= 1; // another tag
        Assert.Throws<FormatException>(() => SealedRecord.Decode(otherTag));
    }
}
