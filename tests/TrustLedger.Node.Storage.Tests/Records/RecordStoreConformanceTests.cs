using System.Text;
using TrustLedger.Node.Storage.Records;
using Xunit;

namespace TrustLedger.Node.Storage.Tests.Records;

/// <summary>One suite every shipped record store passes; a department's own provider can subclass it too.</summary>
public abstract class RecordStoreConformanceTests : IDisposable
{
    protected static readonly string Dataset = string.Concat(Enumerable.Repeat("d5", 32));
    protected static readonly string OtherDataset = string.Concat(Enumerable.Repeat("e6", 32));
    private static readonly byte[] Record = Encoding.UTF8.GetBytes("""{"name":"张三","licence":"91330402MA2B"}""");

    protected abstract IRecordStore Store { get; }

    public virtual void Dispose() => GC.SuppressFinalize(this);

    [Fact]
    public async Task A_stored_record_reads_back_byte_for_byte()
    {
        await Store.PutAsync(Dataset, "330402199001011234", Record);
        Assert.Equal(Record, await Store.GetAsync(Dataset, "330402199001011234"));
    }

    [Fact]
    public async Task Absent_records_read_as_null()
    {
        Assert.Null(await Store.GetAsync(Dataset, "nobody"));
        await Store.PutAsync(Dataset, "somebody", Record);
        Assert.Null(await Store.GetAsync(OtherDataset, "somebody"));
    }

    [Fact]
    public async Task Putting_again_replaces()
    {
        await Store.PutAsync(Dataset, "k", Record);
        await Store.PutAsync(Dataset, "k", "{}"u8.ToArray());
        Assert.Equal("{}"u8.ToArray(), await Store.GetAsync(Dataset, "k"));
    }

    [Fact]
    public async Task Delete_removes_once_and_never_fails_for_an_absent_record()
    {
        await Store.PutAsync(Dataset, "k", Record);
        Assert.True(await Store.DeleteAsync(Dataset, "k"));
        Assert.Null(await Store.GetAsync(Dataset, "k"));
        Assert.False(await Store.DeleteAsync(Dataset, "k"));
        Assert.False(await Store.DeleteAsync(OtherDataset, "never"));
    }

    [Fact]
    public async Task Keys_list_per_dataset_in_ordinal_order()
    {
        string[] keys = ["b", "A", "张三", "a.b", "-x", "1"];
        foreach (var key in keys) await Store.PutAsync(Dataset, key, Record);
        await Store.PutAsync(OtherDataset, "elsewhere", Record);
        var listed = new List<string>();
        await foreach (var key in Store.ListKeysAsync(Dataset)) listed.Add(key);
        Assert.Equal(keys.Order(StringComparer.Ordinal), listed);
        Assert.Empty(await ToList(Store.ListKeysAsync(string.Concat(Enumerable.Repeat("00", 32)))));
    }

    [Theory]
    [InlineData("330402199001011234")]
    [InlineData("张三")]
    [InlineData(".hidden")]
    [InlineData("..")]
    [InlineData("../../etc/passwd")]
    [InlineData("a/b\\c:d*e?f\"g<h>i|j%k")]
    [InlineData("Case")]
    [InlineData("case")]
    public async Task Any_valid_key_is_its_own_record(string key)
    {
        await Store.PutAsync(Dataset, key, Encoding.UTF8.GetBytes($$"""{"key":"{{key.Length}}"}"""));
        await Store.PutAsync(Dataset, key + "x", Record);
        Assert.Equal(Encoding.UTF8.GetBytes($$"""{"key":"{{key.Length}}"}"""), await Store.GetAsync(Dataset, key));
        Assert.Contains(key, await ToList(Store.ListKeysAsync(Dataset)));
    }

    [Fact]
    public async Task Malformed_addresses_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.GetAsync("../" + Dataset[3..], "k"));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.GetAsync(Dataset.ToUpperInvariant(), "k"));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.PutAsync(Dataset, "", Record));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.DeleteAsync(Dataset, "line\nbreak"));
        await Assert.ThrowsAsync<ArgumentException>(async () => await ToList(Store.ListKeysAsync("ds")));
    }

    [Fact]
    public async Task Concurrent_readers_and_writers_see_whole_records()
    {
        var a = Encoding.UTF8.GetBytes("{\"v\":\"" + new string('a', 5000) + "\"}");
        var b = Encoding.UTF8.GetBytes("{\"v\":\"" + new string('b', 5000) + "\"}");
        await Store.PutAsync(Dataset, "hot", a);
        var writers = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            for (var n = 0; n < 25; n++) await Store.PutAsync(Dataset, "hot", (n + i) % 2 == 0 ? a : b);
        }));
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var n = 0; n < 25; n++)
            {
                var read = await Store.GetAsync(Dataset, "hot");
                Assert.True(read!.SequenceEqual(a) || read!.SequenceEqual(b));
            }
        }));
        await Task.WhenAll(writers.Concat(readers));
    }

    private static async Task<List<string>> ToList(IAsyncEnumerable<string> keys)
    {
        var list = new List<string>();
        await foreach (var key in keys) list.Add(key);
        return list;
    }
}

public sealed class InMemoryRecordStoreTests : RecordStoreConformanceTests
{
    protected override IRecordStore Store { get; } = new InMemoryRecordStore();
}

public abstract class FolderRecordStoreTests(string suite) : RecordStoreConformanceTests
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tl-records-" + Guid.NewGuid().ToString("N")[..8]);
    private FolderRecordStore? _store;

    protected FolderRecordStore Folder => _store ??= new FolderRecordStore(_root, TestCiphers.For(suite));

    protected override IRecordStore Store => Folder;

    [Fact]
    public async Task Foreign_files_in_a_dataset_folder_are_ignored()
    {
        await Folder.PutAsync(Dataset, "3304", """{"a":1}"""u8.ToArray());
        await File.WriteAllTextAsync(Path.Combine(_root, Dataset, "notes.txt"), "not a record");
        await File.WriteAllTextAsync(Path.Combine(_root, Dataset, "x.rec.tmp-abc"), "{}");
        await File.WriteAllTextAsync(Path.Combine(_root, Dataset, "short.rec"), "{}");
        var keys = new List<string>();
        await foreach (var key in Folder.ListKeysAsync(Dataset)) keys.Add(key);
        Assert.Equal(["3304"], keys);
    }

    [Fact]
    public async Task Long_unicode_keys_are_fine()
    {
        var key = new string('张', 85); // 255 UTF-8 bytes: too long for the earlier layout's file names, fine hashed
        await Folder.PutAsync(Dataset, key, "{}"u8.ToArray());
        Assert.Equal("{}"u8.ToArray(), await Folder.GetAsync(Dataset, key));
    }

    public override void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        base.Dispose();
    }
}

public sealed class EthFolderRecordStoreTests() : FolderRecordStoreTests("eth");

public sealed class SmFolderRecordStoreTests() : FolderRecordStoreTests("sm");

public abstract class LiteDbRecordStoreTests(string suite) : RecordStoreConformanceTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "tl-records-" + Guid.NewGuid().ToString("N")[..8] + ".db");
    private LiteDbRecordStore? _opened;

    private LiteDbRecordStore _store => _opened ??= Open();

    protected override IRecordStore Store => _store;

    private LiteDbRecordStore Open() => new(_path, TestCiphers.For(suite));

    [Fact]
    public async Task Records_survive_reopening_the_file()
    {
        await _store.PutAsync(Dataset, "k", "{\"a\":1}"u8.ToArray());
        _store.Dispose();
        using var reopened = Open();
        Assert.Equal("{\"a\":1}"u8.ToArray(), await reopened.GetAsync(Dataset, "k"));
    }

    [Fact]
    public async Task Long_unicode_keys_are_fine()
    {
        var key = new string('张', 85); // 255 UTF-8 bytes
        await _store.PutAsync(Dataset, key, "{}"u8.ToArray());
        Assert.Equal("{}"u8.ToArray(), await _store.GetAsync(Dataset, key));
    }

    public override void Dispose()
    {
        _opened?.Dispose();
        File.Delete(_path);
        File.Delete(Path.ChangeExtension(_path, null) + "-log.db");
        base.Dispose();
    }
}

public sealed class EthLiteDbRecordStoreTests() : LiteDbRecordStoreTests("eth");

public sealed class SmLiteDbRecordStoreTests() : LiteDbRecordStoreTests("sm");
