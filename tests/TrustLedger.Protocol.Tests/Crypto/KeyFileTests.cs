using System.Text.Json.Nodes;
using Nethereum.KeyStore;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Crypto.KeyFiles;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Tests.Crypto;

public sealed class KeyFileTests : IDisposable
{
    /// <summary>Cheap scrypt so the suite stays fast; production uses <see cref="ScryptCost.Standard"/>.</summary>
    private static readonly ScryptCost Fast = new(1 << 10, 8, 1);
    private const string Password = "correct horse battery staple";

    private readonly string _dir = Directory.CreateTempSubdirectory("tl-keyfile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory, MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void Save_then_Load_round_trips(string name)
    {
        var key = CryptoSuites.Get(name).GenerateKey();
        var path = Path.Combine(_dir, "validator.json");
        KeyFile.Save(key, path, Password, Fast);
        var loaded = KeyFile.Load(path, Password);
        Assert.Equal(name, loaded.Suite);
        Assert.Equal(key.PrivateKey.ToArray(), loaded.PrivateKey.ToArray());
        Assert.Equal(key.PublicKey, loaded.PublicKey);
        Assert.Equal(key.Address, loaded.Address);
    }

    [Theory, MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void File_records_suite_public_key_and_address_and_no_plaintext_key(string name)
    {
        var key = CryptoSuites.Get(name).GenerateKey();
        var json = KeyFile.Encrypt(key, Password, Fast);
        var root = JsonNode.Parse(json)!;
        Assert.Equal(3, (int)root["version"]!);
        Assert.Equal(name, (string)root["trustledger"]!["suite"]!);
        Assert.Equal(Hex.Encode(key.PublicKey), (string)root["trustledger"]!["publicKey"]!);
        Assert.Equal(Convert.ToHexStringLower(key.Address.Bytes), (string)root["address"]!);
        Assert.Equal("scrypt", (string)root["crypto"]!["kdf"]!);
        Assert.Equal(1 << 10, (int)root["crypto"]!["kdfparams"]!["n"]!);
        Assert.DoesNotContain(Convert.ToHexStringLower(key.PrivateKey), json, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void Wrong_password_fails_with_a_clear_error(string name)
    {
        var key = CryptoSuites.Get(name).GenerateKey();
        var json = KeyFile.Encrypt(key, Password, Fast);
        var e = Assert.Throws<KeyFileException>(() => KeyFile.Decrypt(json, "Correct horse battery staple"));
        Assert.Equal(KeyFileError.WrongPassword, e.Error);
        Assert.Contains("wrong password", e.Message);
        Assert.DoesNotContain(Convert.ToHexStringLower(key.PrivateKey), e.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Password, e.ToString());
    }

    [Fact]
    public void Eth_file_is_readable_by_Nethereum_KeyStoreService()
    {
        var key = CryptoSuites.Eth.GenerateKey();
        var json = KeyFile.Encrypt(key, Password, Fast);
        var service = new KeyStoreService();
        Assert.Equal(key.PrivateKey.ToArray(), service.DecryptKeyStoreFromJson(Password, json));
        // Nethereum derives this address the Ethereum way; it matches the file's address field.
        var nethereumAddress = new Nethereum.Signer.EthECKey(service.DecryptKeyStoreFromJson(Password, json), true).GetPublicAddress();
        Assert.Equal(service.GetAddressFromKeyStore(json), nethereumAddress[2..].ToLowerInvariant());
    }

    [Fact]
    public void Nethereum_generated_keystore_loads_as_an_eth_key()
    {
        var nethereum = Nethereum.Signer.EthECKey.GenerateKey();
        var json = new KeyStoreScryptService().EncryptAndGenerateKeyStoreAsJson(
            Password, nethereum.GetPrivateKeyAsBytes(), nethereum.GetPublicAddress(),
            new Nethereum.KeyStore.Model.ScryptParams { N = 1 << 10, R = 8, P = 1, Dklen = 32 });
        var key = KeyFile.Decrypt(json, Password);
        Assert.Equal("eth", key.Suite);
        Assert.Equal(nethereum.GetPublicAddress().ToLowerInvariant(), key.Address.ToString());
    }

    // The two test vectors of the Web3 Secret Storage definition (password "testpassword").
    private const string SpecScrypt = """
        {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"83dbcc02d8ccb40e466191a123791e0e"},
         "ciphertext":"d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c","kdf":"scrypt",
         "kdfparams":{"dklen":32,"n":262144,"r":1,"p":8,"salt":"ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"},
         "mac":"2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097"},
         "id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}
        """;

    private const string SpecPbkdf2 = """
        {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"6087dab2f9fdbbfaddc31a909735c1e6"},
         "ciphertext":"5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46","kdf":"pbkdf2",
         "kdfparams":{"c":262144,"dklen":32,"prf":"hmac-sha256","salt":"ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"},
         "mac":"517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"},
         "id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}
        """;

    [Theory]
    [InlineData(SpecScrypt)]
    [InlineData(SpecPbkdf2)]
    public void Web3_secret_storage_spec_vectors_decrypt_to_the_published_key(string json)
    {
        var key = KeyFile.Decrypt(json, "testpassword");
        Assert.Equal("eth", key.Suite);
        Assert.Equal("7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d", Convert.ToHexStringLower(key.PrivateKey));
        Assert.Equal(Address.Parse("0x008aeeda4d805471df9b2a5b0f38a0c3bcba786b"), key.Address);
    }

    [Fact]
    public void Unknown_suite_is_reported_as_such()
    {
        var json = Edit(KeyFile.Encrypt(CryptoSuites.Sm.GenerateKey(), Password, Fast), root => root["trustledger"]!["suite"] = "ed25519");
        var e = Assert.Throws<KeyFileException>(() => KeyFile.Decrypt(json, Password));
        Assert.Equal(KeyFileError.UnknownSuite, e.Error);
        Assert.Contains("ed25519", e.Message);
    }

    [Fact]
    public void Sm_file_relabelled_as_eth_is_caught_by_the_address_check()
    {
        var json = Edit(KeyFile.Encrypt(CryptoSuites.Sm.GenerateKey(), Password, Fast), root => root["trustledger"]!["suite"] = "eth");
        var e = Assert.Throws<KeyFileException>(() => KeyFile.Decrypt(json, Password));
        Assert.Equal(KeyFileError.Corrupt, e.Error);
        Assert.Contains("does not match", e.Message);
    }

    [Fact]
    public void Edited_address_or_public_key_is_caught()
    {
        var key = CryptoSuites.Eth.GenerateKey();
        var json = KeyFile.Encrypt(key, Password, Fast);
        var other = CryptoSuites.Eth.GenerateKey();
        var wrongAddress = Edit(json, root => root["address"] = Convert.ToHexStringLower(other.Address.Bytes));
        var wrongPublicKey = Edit(json, root => root["trustledger"]!["publicKey"] = Hex.Encode(other.PublicKey));
        Assert.Equal(KeyFileError.Corrupt, Assert.Throws<KeyFileException>(() => KeyFile.Decrypt(wrongAddress, Password)).Error);
        Assert.Equal(KeyFileError.Corrupt, Assert.Throws<KeyFileException>(() => KeyFile.Decrypt(wrongPublicKey, Password)).Error);
    }

    [Fact]
    public void Altered_ciphertext_fails_the_MAC_check()
    {
        var json = KeyFile.Encrypt(CryptoSuites.Eth.GenerateKey(), Password, Fast);
        var altered = Edit(json, root =>
        {
            var text = (string)root["crypto"]!["ciphertext"]!;
            root["crypto"]!["ciphertext"] = (text[0] == '0' ? "1" : "0") + text[1..];
        });
        Assert.Equal(KeyFileError.WrongPassword, Assert.Throws<KeyFileException>(() => KeyFile.Decrypt(altered, Password)).Error);
    }

    public static IEnumerable<object[]> CorruptFiles() =>
    [
        ["", KeyFileError.Corrupt],
        ["not json", KeyFileError.Corrupt],
        ["[1,2,3]", KeyFileError.Corrupt],
        ["{}", KeyFileError.Corrupt],
        [Mutate(r => r["version"] = 1), KeyFileError.Unsupported],
        [Mutate(r => r.Remove("crypto")), KeyFileError.Corrupt],
        [Mutate(r => r["crypto"]!["cipher"] = "aes-256-gcm"), KeyFileError.Unsupported],
        [Mutate(r => r["crypto"]!["kdf"] = "argon2id"), KeyFileError.Unsupported],
        [Mutate(r => r["crypto"]!["ciphertext"] = "abcd"), KeyFileError.Corrupt],
        [Mutate(r => r["crypto"]!["ciphertext"] = "zz"), KeyFileError.Corrupt],
        [Mutate(r => r["crypto"]!["cipherparams"]!["iv"] = "00"), KeyFileError.Corrupt],
        [Mutate(r => r["crypto"]!["mac"] = 42), KeyFileError.Corrupt],
        [Mutate(r => r["crypto"]!["kdfparams"]!["dklen"] = 64), KeyFileError.Unsupported],
        [Mutate(r => r["crypto"]!["kdfparams"]!["n"] = 1000), KeyFileError.Unsupported],
        [Mutate(r => r["crypto"]!["kdfparams"]!["n"] = 1 << 30), KeyFileError.Unsupported],
        [Mutate(r => r["crypto"]!["kdfparams"]!["r"] = 100_000), KeyFileError.Unsupported],
        [Mutate(r => r["crypto"]!["kdfparams"]!["p"] = 0), KeyFileError.Unsupported],
        [Mutate(r => r["crypto"]!["kdfparams"]!["n"] = "1024"), KeyFileError.Corrupt],
        [Mutate(r => r["trustledger"] = "sm"), KeyFileError.Corrupt],
        [Mutate(r => r["trustledger"]!.AsObject().Remove("suite")), KeyFileError.Corrupt],
        [Mutate(r => r["address"] = "0x1234"), KeyFileError.Corrupt],
    ];

    [Theory, MemberData(nameof(CorruptFiles))]
    public void Corrupt_or_unsupported_files_fail_with_a_reason(string json, KeyFileError expected)
    {
        var e = Assert.Throws<KeyFileException>(() => KeyFile.Decrypt(json, Password));
        Assert.Equal(expected, e.Error);
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public void Save_refuses_to_overwrite_an_existing_file()
    {
        var path = Path.Combine(_dir, "key.json");
        KeyFile.Save(CryptoSuites.Eth.GenerateKey(), path, Password, Fast);
        var before = File.ReadAllText(path);
        Assert.Throws<IOException>(() => KeyFile.Save(CryptoSuites.Eth.GenerateKey(), path, Password, Fast));
        Assert.Equal(before, File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_dir));
    }

    [Fact]
    public void Saved_file_is_private_to_its_owner()
    {
        if (OperatingSystem.IsWindows()) return;
        var path = Path.Combine(_dir, "key.json");
        KeyFile.Save(CryptoSuites.Sm.GenerateKey(), path, Password, Fast);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Oversized_file_is_refused_before_parsing()
    {
        var path = Path.Combine(_dir, "huge.json");
        File.WriteAllText(path, new string(' ', KeyFile.MaxFileBytes + 1));
        Assert.Equal(KeyFileError.Corrupt, Assert.Throws<KeyFileException>(() => KeyFile.Load(path, Password)).Error);
    }

    [Fact]
    public void Missing_file_is_an_IO_error()
    {
        Assert.Throws<FileNotFoundException>(() => KeyFile.Load(Path.Combine(_dir, "absent.json"), Password));
    }

    [Fact]
    public void Encrypt_refuses_an_unsafe_or_invalid_cost()
    {
        var key = CryptoSuites.Eth.GenerateKey();
        Assert.Throws<ArgumentOutOfRangeException>(() => KeyFile.Encrypt(key, Password, new ScryptCost(1000, 8, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => KeyFile.Encrypt(key, Password, new ScryptCost(1 << 22, 8, 1)));
    }

    [Fact]
    public void Unicode_and_empty_passwords_work()
    {
        var key = CryptoSuites.Sm.GenerateKey();
        foreach (var password in new[] { "", "密码🔑 pässwörd" })
            Assert.Equal(key.Address, KeyFile.Decrypt(KeyFile.Encrypt(key, password, Fast), password).Address);
    }

    [Fact]
    public void Standard_cost_is_geths_standard()
    {
        Assert.Equal(new ScryptCost(262_144, 8, 1), ScryptCost.Standard);
    }

    private static readonly string Template = KeyFile.Encrypt(CryptoSuites.Eth.FromPrivateKey(Hex.Decode(TestKeys.EthGoldenPrivate)), Password, Fast);

    private static string Mutate(Action<JsonObject> edit) => Edit(Template, edit);

    private static string Edit(string json, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        edit(root);
        return root.ToJsonString();
    }
}
