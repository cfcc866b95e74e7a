using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nethereum.KeyStore;
using Nethereum.KeyStore.Crypto;
using Nethereum.KeyStore.Model;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Crypto.KeyFiles;

public static partial class KeyFile
{
    private const int MaxPbkdf2Iterations = 10_000_000;

    /// <summary>
    /// Decrypts key file JSON. Reads scrypt files (ours, geth's, MetaMask's) and pbkdf2-hmac-sha256 files.
    /// Every field is checked before any key derivation runs, and the decrypted key must match the file's
    /// <c>address</c> and <c>publicKey</c> when present.
    /// </summary>
    /// <exception cref="KeyFileException">Wrong password, corrupt file, unknown suite, unsupported format.</exception>
    public static KeyPair Decrypt(string json, string password)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(password);
        if (json.Length > MaxFileBytes) throw Corrupt($"key file is {json.Length} characters; at most {MaxFileBytes}");

        var root = ParseObject(json);
        var suite = ReadSuite(root);
        if (!root.TryGetPropertyValue("version", out var versionNode) || !TryInt(versionNode, out var version))
            throw Corrupt("missing \"version\"");
        if (version != 3) throw new KeyFileException(KeyFileError.Unsupported, $"key file version {version} is not supported (only 3)");
        var crypto = (root["crypto"] ?? root["Crypto"]) as JsonObject ?? throw Corrupt("missing \"crypto\" object");

        var cipher = RequireString(crypto, "cipher");
        if (cipher != "aes-128-ctr") throw new KeyFileException(KeyFileError.Unsupported, $"cipher '{cipher}' is not supported (only aes-128-ctr)");
        var cipherParams = crypto["cipherparams"] as JsonObject ?? throw Corrupt("missing \"crypto.cipherparams\"");
        var iv = RequireHex(cipherParams, "iv", 16, 16);
        var cipherText = RequireHex(crypto, "ciphertext", 32, 32);
        var mac = RequireHex(crypto, "mac", 32, 32);
        var kdfParams = crypto["kdfparams"] as JsonObject ?? throw Corrupt("missing \"crypto.kdfparams\"");
        if (RequireInt(kdfParams, "dklen") != 32) throw new KeyFileException(KeyFileError.Unsupported, "kdfparams.dklen must be 32");
        var salt = RequireHex(kdfParams, "salt", 1, 1024);

        var cryptoInfoHex = (Iv: Convert.ToHexStringLower(iv), CipherText: Convert.ToHexStringLower(cipherText),
                             Mac: Convert.ToHexStringLower(mac), Salt: Convert.ToHexStringLower(salt));
        byte[]? privateKey = null;
        try
        {
            privateKey = RequireString(crypto, "kdf") switch
            {
                "scrypt" => DecryptScrypt(kdfParams, cryptoInfoHex, password),
                "pbkdf2" => DecryptPbkdf2(kdfParams, cryptoInfoHex, password),
                var other => throw new KeyFileException(KeyFileError.Unsupported, $"kdf '{other}' is not supported (scrypt or pbkdf2)"),
            };
            var key = ToKeyPair(suite, privateKey);
            CheckAgainstFile(root, key);
            return key;
        }
        finally
        {
            if (privateKey is not null) CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    private static byte[] DecryptScrypt(JsonObject kdfParams, (string Iv, string CipherText, string Mac, string Salt) hex, string password)
    {
        var cost = new ScryptCost(RequireInt(kdfParams, "n"), RequireInt(kdfParams, "r"), RequireInt(kdfParams, "p"));
        if (cost.Problem() is { } problem) throw new KeyFileException(KeyFileError.Unsupported, $"refusing key file: {problem}");
        var info = new CryptoInfo<ScryptParams>
        {
            Cipher = "aes-128-ctr", Kdf = "scrypt", CipherText = hex.CipherText, Mac = hex.Mac,
            CipherParams = new CipherParams { Iv = hex.Iv },
            Kdfparams = new ScryptParams { N = cost.N, R = cost.R, P = cost.P, Dklen = 32, Salt = hex.Salt },
        };
        return RunNethereum(() => new KeyStoreScryptService().DecryptKeyStore(password, new KeyStore<ScryptParams> { Version = 3, Crypto = info }));
    }

    private static byte[] DecryptPbkdf2(JsonObject kdfParams, (string Iv, string CipherText, string Mac, string Salt) hex, string password)
    {
        var prf = RequireString(kdfParams, "prf");
        if (prf != "hmac-sha256") throw new KeyFileException(KeyFileError.Unsupported, $"pbkdf2 prf '{prf}' is not supported (only hmac-sha256)");
        var count = RequireInt(kdfParams, "c");
        if (count is < 1 or > MaxPbkdf2Iterations)
            throw new KeyFileException(KeyFileError.Unsupported, $"refusing key file: pbkdf2 c must be 1–{MaxPbkdf2Iterations}, got {count}");
        var info = new CryptoInfo<Pbkdf2Params>
        {
            Cipher = "aes-128-ctr", Kdf = "pbkdf2", CipherText = hex.CipherText, Mac = hex.Mac,
            CipherParams = new CipherParams { Iv = hex.Iv },
            Kdfparams = new Pbkdf2Params { Count = count, Prf = prf, Dklen = 32, Salt = hex.Salt },
        };
        return RunNethereum(() => new KeyStorePbkdf2Service().DecryptKeyStore(password, new KeyStore<Pbkdf2Params> { Version = 3, Crypto = info }));
    }

    private static byte[] RunNethereum(Func<byte[]> decrypt)
    {
        try
        {
            return decrypt();
        }
        catch (DecryptionException)
        {
            throw new KeyFileException(KeyFileError.WrongPassword, "wrong password: the key file's MAC does not match (or its ciphertext was altered)");
        }
    }

    private static ICryptoSuite ReadSuite(JsonObject root)
    {
        // No extension member: a plain Web3 Secret Storage file from geth or MetaMask, which is an eth key.
        if (!root.TryGetPropertyValue(ExtensionMember, out var extension) || extension is null) return CryptoSuites.Eth;
        if (extension is not JsonObject ext) throw Corrupt($"\"{ExtensionMember}\" must be an object");
        var name = RequireString(ext, "suite");
        return CryptoSuites.TryGet(name)
            ?? throw new KeyFileException(KeyFileError.UnknownSuite, $"key file is for crypto suite '{name}', which this build does not know (eth or sm)");
    }

    private static KeyPair ToKeyPair(ICryptoSuite suite, byte[] privateKey)
    {
        try
        {
            return suite.FromPrivateKey(privateKey);
        }
        catch (ArgumentException)
        {
            throw Corrupt($"the decrypted key is not a valid {suite.Name} private key");
        }
    }

    /// <summary>The public parts recorded in the file must describe the decrypted key; catches edited or mixed-up files.</summary>
    private static void CheckAgainstFile(JsonObject root, KeyPair key)
    {
        if (root["address"] is JsonValue addressNode && addressNode.TryGetValue<string>(out var address) && address.Length > 0)
        {
            if (!Address.TryParse(address, out var recorded)) throw Corrupt($"\"address\" '{Truncate(address)}' is not a 20-byte hex address");
            if (recorded != key.Address) throw Corrupt($"\"address\" {recorded} does not match the key in the file ({key.Address})");
        }
        if (root[ExtensionMember]?["publicKey"] is JsonNode publicKeyNode)
        {
            if (!Hex.TryDecode(AsString(publicKeyNode), out var publicKey) || !publicKey.AsSpan().SequenceEqual(key.PublicKey))
                throw Corrupt($"\"{ExtensionMember}.publicKey\" does not match the key in the file ({key.Address})");
        }
    }

    private static JsonObject ParseObject(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? throw Corrupt("key file is not a JSON object");
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            throw Corrupt($"key file is not valid JSON: {e.Message}");
        }
    }

    private static string RequireString(JsonObject obj, string name) =>
        obj[name] is JsonNode node && AsString(node) is { } value ? value : throw Corrupt($"missing or non-string \"{name}\"");

    private static int RequireInt(JsonObject obj, string name) =>
        obj.TryGetPropertyValue(name, out var node) && TryInt(node, out var value) ? value : throw Corrupt($"missing or non-integer \"{name}\"");

    private static byte[] RequireHex(JsonObject obj, string name, int minBytes, int maxBytes)
    {
        var text = RequireString(obj, name);
        if (!Hex.TryDecode(text, out var bytes) || bytes.Length < minBytes || bytes.Length > maxBytes)
            throw Corrupt(minBytes == maxBytes ? $"\"{name}\" must be {minBytes} bytes of hex" : $"\"{name}\" must be {minBytes}–{maxBytes} bytes of hex");
        return bytes;
    }

    private static string? AsString(JsonNode node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static bool TryInt(JsonNode? node, out int value)
    {
        value = 0;
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out value);
    }

    private static string Truncate(string s) => s.Length <= 48 ? s : s[..48] + "…";

    private static KeyFileException Corrupt(string message) => new(KeyFileError.Corrupt, message);
}
