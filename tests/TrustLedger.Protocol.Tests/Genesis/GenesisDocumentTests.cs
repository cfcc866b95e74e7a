using System.Text.Json.Nodes;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Tests.Genesis;

public class GenesisDocumentTests
{
    private static readonly string EthKeyA = Hex.Encode(CryptoSuites.Eth.FromPrivateKey(Hex.Decode("0x" + new string('0', 63) + "1")).PublicKey);
    private static readonly string EthKeyB = Hex.Encode(CryptoSuites.Eth.FromPrivateKey(Hex.Decode("0x" + new string('0', 63) + "2")).PublicKey);
    private static readonly string SmKey = Hex.Encode(TestKeys.SmGolden.PublicKey);

    private static JsonObject Valid() => new()
    {
        ["chainId"] = "hospital-net",
        ["cryptoSuite"] = "eth",
        ["genesisTimeMs"] = 1_700_000_000_000,
        ["organisations"] = new JsonArray(
            new JsonObject { ["id"] = "org-a", ["name"] = "Hospital A", ["roles"] = new JsonArray("provider"), ["keys"] = new JsonArray(EthKeyA) },
            new JsonObject { ["id"] = "org-b", ["name"] = "Insurer B", ["roles"] = new JsonArray("payer"), ["keys"] = new JsonArray(EthKeyB) }),
        ["validators"] = new JsonArray(
            new JsonObject { ["organisation"] = "org-a", ["publicKey"] = EthKeyA, ["endpoint"] = "127.0.0.1:7001" },
            new JsonObject { ["organisation"] = "org-b", ["publicKey"] = EthKeyB }),
    };

    private static string Json(Action<JsonObject>? edit = null)
    {
        var doc = Valid();
        edit?.Invoke(doc);
        return doc.ToJsonString();
    }

    private static string Rejected(Action<JsonObject> edit) => Assert.Throws<GenesisException>(() => GenesisDocument.FromJson(Json(edit))).Message;

    [Fact]
    public void Valid_document_parses()
    {
        var doc = GenesisDocument.FromJson(Json());
        Assert.Equal("hospital-net", doc.ChainId);
        Assert.Equal(2, doc.Organisations.Count);
        Assert.Equal(2, doc.Validators.Count);
        Assert.Equal(64 * 1024, doc.Parameters.MaxTxBytes);
    }

    [Fact]
    public void Unknown_crypto_suite_is_rejected()
    {
        Assert.Contains("unknown crypto suite 'rsa'", Rejected(d => d["cryptoSuite"] = "rsa"));
    }

    [Fact]
    public void Invalid_public_key_is_rejected()
    {
        var notOnCurve = EthKeyA[..^2] + (EthKeyA[^2..] == "00" ? "01" : "00");
        Assert.Contains("invalid eth public key", Rejected(d => d["organisations"]![0]!["keys"] = new JsonArray(notOnCurve)));
        Assert.Contains("invalid eth public key", Rejected(d => d["organisations"]![0]!["keys"] = new JsonArray("0x1234")));
        Assert.Contains("invalid eth public key", Rejected(d => d["organisations"]![0]!["keys"] = new JsonArray("not hex")));
    }

    [Fact]
    public void Key_of_the_other_suite_is_rejected()
    {
        // An sm key is (almost surely) not a point on secp256k1.
        Assert.Contains("invalid eth public key", Rejected(d => d["organisations"]![0]!["keys"] = new JsonArray(SmKey)));
    }

    [Fact]
    public void Duplicate_organisation_is_rejected()
    {
        Assert.Contains("'org-a' appears twice", Rejected(d => d["organisations"]![1]!["id"] = "org-a"));
    }

    [Fact]
    public void Validator_of_unknown_organisation_is_rejected()
    {
        Assert.Contains("unknown organisation 'org-z'", Rejected(d => d["validators"]![1]!["organisation"] = "org-z"));
    }

    [Fact]
    public void Same_key_in_another_spelling_is_a_duplicate()
    {
        var respelled = "0x" + EthKeyA[2..].ToUpperInvariant();
        Assert.Contains("listed twice", Rejected(d => d["organisations"]![1]!["keys"] = new JsonArray(respelled)));
        Assert.Contains("listed twice", Rejected(d => d["validators"]![1]!["publicKey"] = EthKeyA[2..]));
    }

    [Fact]
    public void Invalid_validator_key_is_rejected()
    {
        Assert.Contains("invalid public key", Rejected(d => d["validators"]![0]!["publicKey"] = "0x04"));
    }

    [Fact]
    public void Missing_or_null_parts_are_clear_errors()
    {
        Assert.Contains("not valid JSON", Rejected(d => d.Remove("validators")));
        Assert.Contains("not valid JSON", Rejected(d => d["organisations"] = null));
        Assert.Contains("not valid JSON", Rejected(d => d["organisations"]![0]!["keys"] = null));
        Assert.Contains("null role", Rejected(d => d["organisations"]![0]!["roles"] = new JsonArray((JsonNode?)null)));
        Assert.Contains("at least one organisation", Rejected(d => d["organisations"] = new JsonArray()));
        Assert.Contains("at least one validator", Rejected(d => d["validators"] = new JsonArray()));
    }

    [Fact]
    public void Unknown_members_and_bad_values_are_rejected()
    {
        Assert.Contains("not valid JSON", Rejected(d => d["cryptoSiute"] = "eth"));
        Assert.Contains("chainId", Rejected(d => d["chainId"] = ""));
        Assert.Contains("chainId", Rejected(d => d["chainId"] = new string('c', 65)));
        Assert.Contains("maxTxBytes", Rejected(d => d["parameters"] = new JsonObject { ["maxTxBytes"] = 10 }));
        Assert.Throws<GenesisException>(() => GenesisDocument.FromJson("not json"));
        Assert.Throws<GenesisException>(() => GenesisDocument.FromJson("null"));
    }

    [Fact]
    public void Sm_genesis_takes_sm_keys()
    {
        var json = Json(d =>
        {
            d["cryptoSuite"] = "sm";
            d["organisations"] = new JsonArray(new JsonObject { ["id"] = "org-a", ["keys"] = new JsonArray(SmKey) });
            d["validators"] = new JsonArray(new JsonObject { ["organisation"] = "org-a", ["publicKey"] = SmKey });
        });
        Assert.Equal("sm", GenesisDocument.FromJson(json).CryptoSuite);
    }

    // Pinned: the genesis hash is block 1's previous hash. CHANGING IT IS A PROTOCOL BREAK.
    private const string ValidGenesisKeccak = "0xdf69d169a06bf9d71d8ed22bd073bf56f9e3ee2011bc1e75531941a64ec744c7";

    [Fact]
    public void ComputeHash_is_stable_across_formatting_and_serialisation()
    {
        var doc = GenesisDocument.FromJson(Json());
        var hash = doc.ComputeHash(CryptoSuites.Eth.Hash);
        Assert.Equal(Hash32.Parse(ValidGenesisKeccak), hash);
        // Whitespace and key spelling do not matter; the canonical encoding is hashed, not the text.
        var indented = JsonNode.Parse(Json())!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        Assert.Equal(hash, GenesisDocument.FromJson(indented).ComputeHash(CryptoSuites.Eth.Hash));
        Assert.Equal(hash, GenesisDocument.FromJson(doc.ToJson()).ComputeHash(CryptoSuites.Eth.Hash));
        var upperKeys = Json(d => d["validators"]![1]!["publicKey"] = "0x" + EthKeyB[2..].ToUpperInvariant());
        Assert.Equal(hash, GenesisDocument.FromJson(upperKeys).ComputeHash(CryptoSuites.Eth.Hash));
    }

    [Fact]
    public void ComputeHash_changes_with_any_field()
    {
        var hash = GenesisDocument.FromJson(Json()).ComputeHash(CryptoSuites.Eth.Hash);
        var edits = new Action<JsonObject>[]
        {
            d => d["chainId"] = "hospital-net-2",
            d => d["genesisTimeMs"] = 1_700_000_000_001,
            d => d["organisations"]![0]!["name"] = "Hospital A2",
            d => d["organisations"]![0]!["roles"] = new JsonArray("provider", "auditor"),
            d => d["validators"]![0]!["endpoint"] = "127.0.0.1:7002",
            d => d["parameters"] = new JsonObject { ["maxBlockTxs"] = 10 },
        };
        foreach (var edit in edits)
            Assert.NotEqual(hash, GenesisDocument.FromJson(Json(edit)).ComputeHash(CryptoSuites.Eth.Hash));
    }
}
