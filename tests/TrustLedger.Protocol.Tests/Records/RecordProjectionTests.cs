using Utf8 = System.Text.Encoding;
using TrustLedger.Protocol.Records;

namespace TrustLedger.Protocol.Tests.Records;

/// <summary>Field narrowing: exactly the granted top-level members, in the record's order, values whole.</summary>
public class RecordProjectionTests
{
    private const string Household =
        """{ "id": "3304020001", "head": "张三", "address": {"street": "南湖路 1号", "unit": 3}, "members": 4, "income": 98000.5, "notes": null }""";

    [Theory]
    [InlineData(new[] { "head", "members" }, """{"head":"张三","members":4}""")]
    [InlineData(new[] { "members", "head" }, """{"head":"张三","members":4}""")]                 // the record's order, not the grant's
    [InlineData(new[] { "address" }, """{"address":{"street":"南湖路 1号","unit":3}}""")]       // objects served whole
    [InlineData(new[] { "income", "notes" }, """{"income":98000.5,"notes":null}""")]            // numbers as written, nulls kept
    [InlineData(new[] { "head", "photo" }, """{"head":"张三"}""")]                              // granted but absent: absent
    [InlineData(new string[0], "{}")]
    [InlineData(new[] { "Head" }, "{}")]                                                        // names match ordinally
    public void Only_granted_members_are_served(string[] fields, string expected)
    {
        Assert.Equal(expected, Utf8.UTF8.GetString(RecordProjection.Project(Utf8.UTF8.GetBytes(Household), fields)));
    }

    [Fact]
    public void Characters_are_escaped_only_where_JSON_requires()
    {
        var record = """{"a":"line\nbreak \"quoted\" <tag> &","b":"\u00e9"}"""u8;
        Assert.Equal("""{"a":"line\nbreak \"quoted\" <tag> &","b":"é"}""", Utf8.UTF8.GetString(RecordProjection.Project(record, ["a", "b"])));
    }

    [Theory]
    [InlineData("[1,2]", "array")]
    [InlineData("\"text\"", "string")]
    [InlineData("42", "number")]
    [InlineData("{\"a\":1,\"a\":2}", "twice")]
    [InlineData("{\"a\":", "not valid JSON")]
    [InlineData("{\"a\":1} trailing", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    public void Records_that_are_not_one_unambiguous_object_are_refused_without_quoting_them(string record, string reason)
    {
        var error = Assert.Throws<FormatException>(() => RecordProjection.Project(Utf8.UTF8.GetBytes(record), ["a"]));
        Assert.Contains(reason, error.Message);
        Assert.DoesNotContain("text", error.Message);
    }

    [Fact]
    public void Projection_is_deterministic()
    {
        var bytes = Utf8.UTF8.GetBytes(Household);
        Assert.Equal(RecordProjection.Project(bytes, ["head", "address"]), RecordProjection.Project(bytes, ["address", "head"]));
    }
}
