using System.Text;
using LiteDB;
using TrustLedger.Node.Storage.Records;
using Xunit;

namespace TrustLedger.Node.Storage.Tests.Records;

/// <summary>Records at rest: what lands on disk, and every way a stored record can fail to open.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes are checked as on Linux
public sealed class EncryptedRecordStoreTests : IDisposable
{
    private static readonly string Dataset = string.Concat(Enumerable.Repeat("d5", 32));
    private const string Key = "330402199001011234";
    private static readonly byte[] Record = Encoding.UTF8.GetBytes("""{"name":"张三","licence":"91330402MA2B"}""");
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tl-rest-" + Guid.NewGuid().ToString("N")[..8]);

    private FolderRecordStore Folder(string suite, byte[]? dataKey = null, string chainId = TestCiphers.ChainId) =>
        new(_root, TestCiphers.For(suite, dataKey, chainId));

    [Theory]
    [InlineData("eth")]
    [InlineData("sm")]
    public async Task Records_round_trip_and_every_write_uses_a_fresh_nonce(string suite)
    {
        var store = Folder(suite);
        await store.PutAsync(Dataset, Key, Record);
        var first = await File.ReadAllBytesAsync(store.PathOf(Dataset, Key));
        await store.PutAsync(Dataset, Key, Record);
        var second = await File.ReadAllBytesAsync(store.PathOf(Dataset, Key));

        Assert.Equal(Record, await Folder(suite).GetAsync(Dataset, Key)); // another instance, same keys
        Assert.Equal(first.Length, second.Length);
        Assert.NotEqual(first[6..18], second[6..18]);
        Assert.Equal(suite == "eth" ? 1 : 2, first[5]);
    }

    [Theory]
    [InlineData("eth")]
    [InlineData("sm")]
    public async Task Any_altered_or_truncated_byte_is_refused(string suite)
    {
        var store = Folder(suite);
        await store.PutAsync(Dataset, Key, Record);
        var path = store.PathOf(Dataset, Key);
        var original = await File.ReadAllBytesAsync(path);
        for (var i = 0; i < original.Length; i++)
        {
            var altered = original.ToArray();
            altered[i] ^= 0x01;
            await File.WriteAllBytesAsync(path, altered);
            var error = await Assert.ThrowsAsync<RecordAtRestException>(async () => await store.GetAsync(Dataset, Key));
            Assert.DoesNotContain(Key, error.Message);
        }
        foreach (var length in new[] { 0, 5, original.Length - 1 })
        {
            await File.WriteAllBytesAsync(path, original[..length]);
            await Assert.ThrowsAsync<RecordAtRestException>(async () => await store.GetAsync(Dataset, Key));
        }
    }

    [Theory]
    [InlineData("eth")]
    [InlineData("sm")]
    public async Task A_file_moved_to_another_records_name_or_dataset_is_refused(string suite)
    {
        var store = Folder(suite);
        var otherDataset = string.Concat(Enumerable.Repeat("e6", 32));
        await store.PutAsync(Dataset, Key, Record);
        await store.PutAsync(Dataset, "other", "{}"u8.ToArray());
        await store.PutAsync(otherDataset, Key, "{}"u8.ToArray());

        File.Copy(store.PathOf(Dataset, Key), store.PathOf(Dataset, "other"), overwrite: true);
        File.Copy(store.PathOf(Dataset, Key), store.PathOf(otherDataset, Key), overwrite: true);

        await Assert.ThrowsAsync<RecordAtRestException>(async () => await store.GetAsync(Dataset, "other"));
        await Assert.ThrowsAsync<RecordAtRestException>(async () => await store.GetAsync(otherDataset, Key));
        Assert.Equal(Record, await store.GetAsync(Dataset, Key));
    }

    [Theory]
    [InlineData("eth")]
    [InlineData("sm")]
    public async Task Another_data_key_or_chain_cannot_open_a_stored_record(string suite)
    {
        await Folder(suite).PutAsync(Dataset, Key, Record);
        var otherKey = Enumerable.Repeat((byte)7, 32).ToArray();
        await Assert.ThrowsAsync<RecordAtRestException>(async () => await Folder(suite, otherKey).GetAsync(Dataset, Key));
        var otherChain = Folder(suite, chainId: "another-chain");
        File.Copy(Folder(suite).PathOf(Dataset, Key), otherChain.PathOf(Dataset, Key));
        await Assert.ThrowsAsync<RecordAtRestException>(async () => await otherChain.GetAsync(Dataset, Key));
        var otherSuite = Folder(suite == "eth" ? "sm" : "eth");
        File.Copy(Folder(suite).PathOf(Dataset, Key), otherSuite.PathOf(Dataset, Key), overwrite: true);
        await Assert.ThrowsAsync<RecordAtRestException>(async () => await otherSuite.GetAsync(Dataset, Key));
    }

    [Fact]
    public async Task Folders_are_0700_and_files_0600()
    {
        Directory.CreateDirectory(_root); // found looser than 0700
        File.SetUnixFileMode(_root, (UnixFileMode)0b111_101_101);
        var store = Folder("eth");
        await store.PutAsync(Dataset, Key, Record);
        const UnixFileMode folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Assert.Equal(folder, File.GetUnixFileMode(_root));
        Assert.Equal(folder, File.GetUnixFileMode(Path.Combine(_root, Dataset)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.PathOf(Dataset, Key)));
    }

    [Theory]
    [InlineData("eth")]
    [InlineData("sm")]
    public async Task Names_and_contents_reveal_nothing_of_the_key_or_the_record(string suite)
    {
        var store = Folder(suite);
        string[] keys = [Key, "张三", "a", "330402199001011235"];
        foreach (var key in keys) await store.PutAsync(Dataset, key, Record);
        var files = Directory.GetFiles(Path.Combine(_root, Dataset)).Select(Path.GetFileName).ToArray();
        Assert.Equal(keys.Length, files.Length);
        foreach (var file in files)
        {
            Assert.Matches("^[0-9a-f]{64}\\.rec$", file);
            var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Path.Combine(_root, Dataset, file!)));
            Assert.DoesNotContain("张三", text);
            Assert.DoesNotContain("3304", text);
            Assert.DoesNotContain("licence", text);
        }
        Assert.DoesNotContain("3304", string.Concat(files));
        // Keyed: the same record key under another secret (another node) gets an unrelated name.
        var elsewhere = new RecordCipher(TestCiphers.ChainId, suite, TestCiphers.DataKey, Enumerable.Repeat((byte)9, 32).ToArray());
        Assert.NotEqual(TestCiphers.For(suite).NameOf(Dataset, Key), elsewhere.NameOf(Dataset, Key));
    }

    [Theory]
    [InlineData("eth")]
    [InlineData("sm")]
    public async Task Plaintext_files_of_the_earlier_layout_are_encrypted_then_deleted(string suite)
    {
        var folder = Path.Combine(_root, Dataset);
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "330402199001011234.json"), Record);
        await File.WriteAllTextAsync(Path.Combine(folder, "%E5%BC%A0%E4%B8%89.json"), "{}");
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.txt"), "operator's notes");
        var log = new CapturingLogger();
        var store = Folder(suite);

        Assert.Equal(2, store.ImportPlaintext(log));

        Assert.Equal(Record, await store.GetAsync(Dataset, Key));
        Assert.Equal("{}"u8.ToArray(), await store.GetAsync(Dataset, "张三"));
        Assert.Empty(Directory.GetFiles(folder, "*.json"));
        Assert.True(File.Exists(Path.Combine(folder, "notes.txt")));
        Assert.Contains(log.Entries.Select(e => e.Message), l => l.Contains("Encrypted 2 plaintext records"));
        Assert.DoesNotContain(log.Entries.Select(e => e.Message), l => l.Contains("3304") || l.Contains("张三"));
        Assert.Equal(0, Folder(suite).ImportPlaintext(log)); // nothing left to do
    }

    [Fact]
    public async Task A_plaintext_file_dropped_while_running_is_encrypted_on_first_read_and_deleted_by_a_purge()
    {
        var store = Folder("eth");
        Directory.CreateDirectory(Path.Combine(_root, Dataset));
        var dropped = Path.Combine(_root, Dataset, "dropped.json");
        await File.WriteAllBytesAsync(dropped, Record);
        Assert.Equal(Record, await store.GetAsync(Dataset, "dropped"));
        Assert.False(File.Exists(dropped));

        var purged = Path.Combine(_root, Dataset, "purged.json");
        await File.WriteAllBytesAsync(purged, Record);
        Assert.True(await store.DeleteAsync(Dataset, "purged"));
        Assert.False(File.Exists(purged));
    }

    [Theory]
    [InlineData("eth")]
    [InlineData("sm")]
    public async Task LiteDb_stores_ciphertext_and_encrypts_plaintext_documents_of_the_earlier_format(string suite)
    {
        Directory.CreateDirectory(_root);
        var path = Path.Combine(_root, "records.db");
        using (var old = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }))
        {
            old.GetCollection("records").Insert(new BsonDocument
            {
                ["_id"] = Dataset + "/" + Key, ["dataset"] = Dataset, ["key"] = Key, ["json"] = Record,
            });
        }
        Assert.Contains("licence", Encoding.UTF8.GetString(await File.ReadAllBytesAsync(path)));

        using (var store = new LiteDbRecordStore(path, TestCiphers.For(suite)))
        {
            Assert.Equal(1, store.ImportPlaintext(new CapturingLogger()));
            await store.PutAsync(Dataset, "张三", Encoding.UTF8.GetBytes("""{"secret":"南湖区"}"""));
            Assert.Equal(Record, await store.GetAsync(Dataset, Key));
            Assert.Equal([Key, "张三"], await ToList(store.ListKeysAsync(Dataset)));
        }
        var raw = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(path));
        Assert.DoesNotContain("licence", raw);
        Assert.DoesNotContain("南湖区", raw);
        Assert.DoesNotContain(Key, raw);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Empty(Directory.GetFiles(_root, "*backup*"));
        using var wrongKey = new LiteDbRecordStore(path, TestCiphers.For(suite, Enumerable.Repeat((byte)7, 32).ToArray()));
        await Assert.ThrowsAsync<RecordAtRestException>(async () => await wrongKey.GetAsync(Dataset, Key));
    }

    [Fact]
    public void A_secret_file_is_created_once_0600_with_a_reminder_to_back_it_up()
    {
        var path = Path.Combine(_root, "records.key");
        var log = new CapturingLogger();
        var created = SecretFile.LoadOrCreate(path, "record data key", "without it stored records cannot be read", log);
        var again = SecretFile.LoadOrCreate(path, "record data key", "without it stored records cannot be read", log);
        Assert.Equal(created, again);
        Assert.Equal(32, created.Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        var reminder = Assert.Single(log.Entries.Select(e => e.Message), l => l.Contains("back it up"));
        Assert.Contains("record data key", reminder);
        Assert.DoesNotContain(Convert.ToHexStringLower(created), string.Concat(log.Entries.Select(e => e.Message)));
    }

    private static async Task<List<string>> ToList(IAsyncEnumerable<string> keys)
    {
        var list = new List<string>();
        await foreach (var key in keys) list.Add(key);
        return list;
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
