using System.Text;
using Grpc.Core;
using TrustLedger.Sdk.Records;
using Xunit;

namespace TrustLedger.EndToEnd.Tests.Records;

/// <summary>
/// Records at rest on a real node: what a put leaves on disk (hashed names, ciphertext, 0700/0600), a swapped or
/// altered file refused with DATA_LOSS while the node keeps serving, and a plaintext file of the earlier layout
/// encrypted (and its plaintext deleted) on the next read.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes are checked as on Linux
public sealed class RecordsAtRestTests(EthRecordNetwork net) : IClassFixture<EthRecordNetwork>
{
    private const string Household = """{"id":"3304029999","head":"李四","members":2}""";

    private string DatasetFolder => Path.Combine(net.Node.DataDir, "records", net.DatasetId);

    [Fact]
    public async Task A_put_record_is_stored_encrypted_under_a_hashed_name_owner_only()
    {
        await net.Owner.PutRecordAsync(net.Node.Endpoint, net.DatasetId, "at-rest-3304029999", Household);

        var file = net.Records.PathOf(net.DatasetId, "at-rest-3304029999");
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.DoesNotContain("李四", Encoding.UTF8.GetString(bytes));
        Assert.DoesNotContain("at-rest", Encoding.UTF8.GetString(bytes));
        Assert.DoesNotContain("3304029999", Path.GetFileName(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(DatasetFolder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(net.Node.DataDir, "records.key")));
        Assert.Equal(Household, Encoding.UTF8.GetString((await net.Records.GetAsync(net.DatasetId, "at-rest-3304029999"))!));
        Assert.Contains("Created the record data key", net.Node.Log);
    }

    [Fact]
    public async Task A_swapped_or_altered_record_file_is_refused_with_data_loss_and_the_node_keeps_serving()
    {
        var grant = await net.Grant(net.Civil, ["head"]);
        await net.PutRecord("swap-a", Household);
        await net.PutRecord("swap-b", """{"head":"王五"}""");
        File.Copy(net.Records.PathOf(net.DatasetId, "swap-a"), net.Records.PathOf(net.DatasetId, "swap-b"), overwrite: true);

        var swapped = await Assert.ThrowsAsync<RecordRequestRefusedException>(() => net.Civil.FetchRecordAsync(net.Node.Endpoint, grant, net.DatasetId, "swap-b"));
        Assert.Equal(StatusCode.DataLoss, swapped.Code);
        Assert.Contains("does not open under this node's data key", swapped.Reason);
        Assert.DoesNotContain("swap-b", swapped.Reason);

        var path = net.Records.PathOf(net.DatasetId, "swap-a");
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[^20] ^= 1;
        await File.WriteAllBytesAsync(path, bytes);
        var altered = await Assert.ThrowsAsync<RecordRequestRefusedException>(() => net.Civil.FetchRecordAsync(net.Node.Endpoint, grant, net.DatasetId, "swap-a"));
        Assert.Equal(StatusCode.DataLoss, altered.Code);
        Assert.Empty(await net.AccessReceipts(grant)); // nothing served, nothing receipted

        await net.PutRecord("swap-a", Household); // putting again repairs it
        Assert.Equal("""{"head":"李四"}""", (await net.Civil.FetchRecordAsync(net.Node.Endpoint, grant, net.DatasetId, "swap-a")).Json);
    }

    [Fact]
    public async Task A_plaintext_file_of_the_earlier_layout_is_encrypted_on_first_read_and_deleted()
    {
        var grant = await net.Grant(net.Civil, ["head"]);
        Directory.CreateDirectory(DatasetFolder);
        var plaintext = Path.Combine(DatasetFolder, "legacy-0001.json");
        await File.WriteAllTextAsync(plaintext, Household);

        var record = await net.Civil.FetchRecordAsync(net.Node.Endpoint, grant, net.DatasetId, "legacy-0001");

        Assert.Equal("""{"head":"李四"}""", record.Json);
        Assert.False(File.Exists(plaintext));
        Assert.True(File.Exists(net.Records.PathOf(net.DatasetId, "legacy-0001")));
    }
}
