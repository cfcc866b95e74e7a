using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nethereum.KeyStore;
using Nethereum.KeyStore.Model;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Crypto.KeyFiles;

/// <summary>
/// Password-protected key files in the Web3 Secret Storage v3 format (scrypt, AES-128-CTR, Keccak-256 MAC) that
/// geth, MetaMask and Nethereum read, for keys of either suite. A <c>"trustledger"</c> member records the suite and
/// public key: <c>{"address": …, "crypto": {…}, "id": …, "version": 3, "trustledger": {"suite": "sm", "publicKey": "0x04…"}}</c>.
/// For <c>eth</c>, <c>"address"</c> is the Ethereum address, so Ethereum tools import the file unchanged; for <c>sm</c>
/// it is the sm address. A file without the member (from geth or MetaMask) loads as an <c>eth</c> key.
/// Errors are <see cref="KeyFileException"/>s whose messages never contain key material or the password.
/// </summary>
public static partial class KeyFile
{
    /// <summary>Files larger than this are refused before parsing; a real key file is under 1 KiB.</summary>
    public const int MaxFileBytes = 64 * 1024;

    private const string ExtensionMember = "trustledger";

    /// <summary>Encrypts <paramref name="key"/> under <paramref name="password"/>; returns the key file's JSON text.</summary>
    /// <param name="key">The key to protect.</param>
    /// <param name="password">Any string, UTF-8 encoded for the KDF (as geth does); may be empty.</param>
    /// <param name="cost">scrypt cost; <see cref="ScryptCost.Standard"/> when null. Tests pass a small N.</param>
    public static string Encrypt(KeyPair key, string password, ScryptCost? cost = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(password);
        var scrypt = cost ?? ScryptCost.Standard;
        if (scrypt.Problem() is { } problem) throw new ArgumentOutOfRangeException(nameof(cost), problem);
        if (CryptoSuites.TryGet(key.Suite) is null) throw new ArgumentException($"unknown crypto suite '{key.Suite}'", nameof(key));

        var service = new KeyStoreScryptService();
        var kdf = new ScryptParams { N = scrypt.N, R = scrypt.R, P = scrypt.P, Dklen = 32 };
        var privateKey = key.PrivateKey.ToArray();
        string json;
        try
        {
            // geth writes the address as bare lower-case hex; Ethereum tools compare it with the decrypted key.
            var store = service.EncryptAndGenerateKeyStore(password, privateKey, Convert.ToHexStringLower(key.Address.Bytes), kdf);
            json = service.SerializeKeyStoreToJson(store);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }

        var root = JsonNode.Parse(json)!.AsObject();
        root[ExtensionMember] = new JsonObject
        {
            ["suite"] = key.Suite,
            ["publicKey"] = Hex.Encode(key.PublicKey),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>
    /// Writes a new key file at <paramref name="path"/> (owner read/write only on Unix), flushed to disk.
    /// Refuses to overwrite an existing file: replacing a key file by mistake loses the key.
    /// </summary>
    /// <exception cref="IOException"><paramref name="path"/> already exists.</exception>
    public static void Save(KeyPair key, string path, string password, ScryptCost? cost = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = System.Text.Encoding.UTF8.GetBytes(Encrypt(key, password, cost));
        var full = Path.GetFullPath(path);
        if (File.Exists(full)) throw new IOException($"key file {full} already exists; not overwriting it");
        // Write a temporary file and rename it, so a crash never leaves a half-written key file at the path.
        var temp = $"{full}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}.tmp";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: false);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Reads and decrypts the key file at <paramref name="path"/>.</summary>
    /// <exception cref="KeyFileException">Wrong password, corrupt or oversized file, unknown suite, unsupported format.</exception>
    /// <exception cref="IOException">The file cannot be read (for example <see cref="FileNotFoundException"/>).</exception>
    public static KeyPair Load(string path, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(password);
        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
            throw new KeyFileException(KeyFileError.Corrupt, $"{path} is {length} bytes; a key file is at most {MaxFileBytes}");
        return Decrypt(File.ReadAllText(path), password);
    }
}
