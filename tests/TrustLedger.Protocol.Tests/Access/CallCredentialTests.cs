using TrustLedger.Protocol.Access;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Tests.Access;

/// <summary>
/// The tl-caller credential: GOLDEN signed bytes (changing them is a protocol break: every client's credential stops
/// verifying; a new layout needs TL/caller/v2) and every way a credential is refused.
/// </summary>
public class CallCredentialTests
{
    private const string ChainId = "trustledger-golden";
    private const long IssuedMs = 1_700_000_000_000;
    private static readonly Address Node = new(Enumerable.Repeat((byte)0xab, 20).ToArray());
    private static readonly Address OtherNode = new(Enumerable.Repeat((byte)0xcd, 20).ToArray());

    [Fact]
    public void Signing_bytes_are_pinned()
    {
        var expected =
            "544c2f63616c6c65722f7631" +                                        // "TL/caller/v1"
            "00000012" + "74727573746c65646765722d676f6c64656e" +               // string "trustledger-golden"
            string.Concat(Enumerable.Repeat("ab", 20)) +                        // audience address, raw 20 bytes
            "00000041" +                                                        // bytes: SmGolden public key, 65 bytes
            "0409f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13" +
            "0000018bcfe56800";                                                 // i64 1 700 000 000 000
        Assert.Equal(expected, Convert.ToHexStringLower(CallCredential.SigningBytes(ChainId, Node, TestKeys.SmGolden.PublicKey, IssuedMs)));
    }

    [Theory]
    [MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void A_fresh_credential_verifies_and_survives_the_header_round_trip(string suiteName)
    {
        var suite = CryptoSuites.Get(suiteName);
        var key = suite.GenerateKey();
        var header = CallCredential.Sign(suite, key, ChainId, Node, IssuedMs).ToHeader();
        var parsed = CallCredential.TryParse(header, out var problem);
        Assert.Null(problem);
        Assert.NotNull(parsed);
        Assert.Null(parsed.Problem(suite, ChainId, Node, IssuedMs + 1000));
        Assert.Equal(key.Address, suite.AddressOf(parsed.PublicKey));
    }

    [Theory]
    [MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void A_credential_is_refused_for_another_node_chain_time_or_signer(string suiteName)
    {
        var suite = CryptoSuites.Get(suiteName);
        var credential = CallCredential.Sign(suite, suite.GenerateKey(), ChainId, Node, IssuedMs);
        Assert.Contains("does not verify", credential.Problem(suite, ChainId, OtherNode, IssuedMs));
        Assert.Contains("does not verify", credential.Problem(suite, "another-chain", Node, IssuedMs));
        Assert.Contains("expired", credential.Problem(suite, ChainId, Node, IssuedMs + (long)CallCredential.Lifetime.TotalMilliseconds + 1));
        Assert.Null(credential.Problem(suite, ChainId, Node, IssuedMs + (long)CallCredential.Lifetime.TotalMilliseconds));
        Assert.Contains("future", credential.Problem(suite, ChainId, Node, IssuedMs - (long)CallCredential.MaxSkew.TotalMilliseconds - 1));
        var impostor = credential with { PublicKey = suite.GenerateKey().PublicKey };
        Assert.Contains("does not verify", impostor.Problem(suite, ChainId, Node, IssuedMs));
        var shifted = credential with { IssuedMs = IssuedMs + 1 };
        Assert.Contains("does not verify", shifted.Problem(suite, ChainId, Node, IssuedMs + 1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("v1")]
    [InlineData("v2.04aa.1.00")]
    [InlineData("v1.zz.1700000000000.00")]
    [InlineData("v1.04aa.-5.00")]
    [InlineData("v1.04aa.1700000000000.0")]
    [InlineData("v1.04aa.1700000000000.00.extra")]
    public void Malformed_headers_are_refused_with_a_reason(string header)
    {
        Assert.Null(CallCredential.TryParse(header, out var problem));
        Assert.Contains(CallCredential.Header, problem);
    }

    [Fact]
    public void A_public_key_off_the_curve_is_refused_before_any_signature_check()
    {
        var credential = new CallCredential(Enumerable.Repeat((byte)4, 65).ToArray(), IssuedMs, new byte[64]);
        Assert.Contains("not a valid", credential.Problem(CryptoSuites.Eth, ChainId, Node, IssuedMs));
    }
}
