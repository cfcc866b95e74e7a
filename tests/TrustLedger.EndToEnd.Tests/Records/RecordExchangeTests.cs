using System.Text;
using Grpc.Core;
using TrustLedger.Protocol.Primitives;
using TrustLedger.Sdk.Records;
using Xunit;

namespace TrustLedger.EndToEnd.Tests.Records;

/// <summary>
/// The record exchange against a real node (eth suite): a department fetches a record the owner's node serves under a
/// grant; the owner's node commits an access receipt first; the SDK verifies the record against it. Invariant 6:
/// access only under an active grant, revocation and expiry effective from the next block, a receipt for every
/// served record. Each test uses its own grant and record keys, so the shared node's history does not matter.
/// </summary>
public sealed class RecordExchangeTests(EthRecordNetwork net) : IClassFixture<EthRecordNetwork>
{
    private const string Household =
        """{"id":"3304020001","head":"张三","address":"南湖区 建设街道 12号","members":4,"income":98000}""";

    private Task<FetchedRecord> Fetch(string grantId, string key, Sdk.TrustLedgerClient? client = null) =>
        (client ?? net.Civil).FetchRecordAsync(net.Node.Endpoint, grantId, net.DatasetId, key);

    private async Task<RecordRequestRefusedException> Refused(Task fetch) => await Assert.ThrowsAsync<RecordRequestRefusedException>(() => fetch);

    private static async Task WaitUntil(Func<bool> condition, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        while (!condition()) await Task.Delay(20, timeout.Token); // polls the captured output; the deadline fails the test
    }

    [Fact]
    public async Task A_served_record_holds_only_the_granted_fields_and_matches_its_committed_receipt()
    {
        var grant = await net.Grant(net.Civil, ["head", "members"]);
        await net.PutRecord("3304020001", Household);

        var record = await Fetch(grant, "3304020001");

        Assert.Equal("""{"head":"张三","members":4}""", record.Json);
        var committed = await net.Civil.GetTransactionAsync(record.Receipt.TxId);
        Assert.Equal("data.record_access", committed.Transaction.Body.Type);
        Assert.True(committed.Receipt.Success);
        Assert.Equal(record.Receipt.Height, committed.Receipt.Height);
        Assert.Equal(net.Owner.Node.NodeAddress, committed.Transaction.Sender); // signed by the owner's node
        var receipts = await net.AccessReceipts(grant);
        Assert.Equal(record.Receipt.TxId, Assert.Single(receipts).TxId);

        // Nothing personal on the ledger, nothing personal in the node's log (once the serving is logged).
        await WaitUntil(() => net.Node.Log.Contains($"access receipt {record.Receipt.TxId}"), TimeSpan.FromSeconds(30));
        var block = await net.Owner.GetBlockAsync(record.Receipt.Height);
        var onChain = Encoding.UTF8.GetString([.. block.Transactions.SelectMany(t => t.Encode()), .. block.Receipts.SelectMany(r => r.Encode())]);
        foreach (var secret in new[] { "3304020001", "张三", "南湖区", "98000" })
        {
            Assert.DoesNotContain(secret, onChain);
            Assert.DoesNotContain(secret, net.Node.Log);
        }
    }

    [Fact]
    public async Task Every_successful_fetch_has_exactly_one_committed_receipt_and_refusals_have_none()
    {
        var grant = await net.Grant(net.Civil, ["head"]);
        await net.PutRecord("h-1", Household);
        await net.PutRecord("h-2", """{"head":"李四"}""");

        var served = new List<FetchedRecord> { await Fetch(grant, "h-1"), await Fetch(grant, "h-2"), await Fetch(grant, "h-1") };
        served.AddRange(await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Fetch(grant, "h-2"))));
        Assert.Equal(StatusCode.NotFound, (await Refused(Fetch(grant, "h-missing"))).Code);

        var receipts = await net.AccessReceipts(grant);
        Assert.Equal(served.Select(r => r.Receipt.TxId).Order(), receipts.Select(r => r.TxId).Order());
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (ulong)i), receipts.Select(r => r.Sequence));
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (ulong)i), served.Select(r => r.Receipt.Sequence).Order());
        // One grant salt: the same key hashes alike within the grant; a fresh content salt per serving.
        Assert.Equal(receipts[0].Payload.RecordKeyHash, receipts[2].Payload.RecordKeyHash);
        Assert.NotEqual(receipts[0].Payload.RecordKeyHash, receipts[1].Payload.RecordKeyHash);
        Assert.Equal(7, receipts.Select(r => r.Payload.ContentHash).Distinct().Count());
    }

    [Fact]
    public async Task The_same_record_under_two_grants_leaves_unlinkable_key_hashes()
    {
        await net.PutRecord("shared-1", Household);
        var civil = await Fetch(await net.Grant(net.Civil, ["head"]), "shared-1");
        var tax = await Fetch(await net.Grant(net.Tax, ["income"]), "shared-1", net.Tax);
        Assert.Equal("""{"income":98000}""", tax.Json);
        Assert.NotEqual(civil.Receipt.RecordKeyHash, tax.Receipt.RecordKeyHash);
        Assert.NotEqual(civil.KeySalt, tax.KeySalt);
    }

    [Fact]
    public async Task A_revoked_grant_serves_nothing_from_the_next_block()
    {
        var grant = await net.Grant(net.Civil, ["head"]);
        await net.PutRecord("rev-1", Household);
        await Fetch(grant, "rev-1");
        await net.Revoke(grant);

        var refused = await Refused(Fetch(grant, "rev-1"));
        Assert.Equal(StatusCode.FailedPrecondition, refused.Code);
        Assert.Contains("revoked", refused.Reason);
        Assert.Single(await net.AccessReceipts(grant));
    }

    [Fact]
    public async Task An_expired_grant_serves_nothing()
    {
        var grant = await net.Grant(net.Civil, ["head"], durationMs: 1); // expires 1 ms after the approving block
        await net.PutRecord("exp-1", Household);
        var refused = await Refused(Fetch(grant, "exp-1"));
        Assert.Equal(StatusCode.FailedPrecondition, refused.Code);
        Assert.Contains("expired", refused.Reason);
        Assert.Empty(await net.AccessReceipts(grant));
    }

    [Fact]
    public async Task A_grant_capped_at_one_use_serves_once()
    {
        var grant = await net.Grant(net.Civil, ["head"], maxUses: 1);
        await net.PutRecord("cap-1", Household);
        await Fetch(grant, "cap-1");
        var refused = await Refused(Fetch(grant, "cap-1"));
        Assert.Equal(StatusCode.FailedPrecondition, refused.Code);
        Assert.Contains("exhausted", refused.Reason);
        Assert.Single(await net.AccessReceipts(grant));
    }

    [Fact]
    public async Task Keys_of_other_organisations_are_refused()
    {
        var grant = await net.Grant(net.Civil, ["head"]);
        await net.PutRecord("own-1", Household);

        var tax = await Refused(Fetch(grant, "own-1", net.Tax));
        Assert.Equal(StatusCode.PermissionDenied, tax.Code);
        Assert.Contains("not to the grantee 'civil-affairs'", tax.Reason);
        var owner = await Refused(Fetch(grant, "own-1", net.Owner));
        Assert.Equal(StatusCode.PermissionDenied, owner.Code);
        Assert.Empty(await net.AccessReceipts(grant));
    }

    [Fact]
    public async Task Unknown_grants_records_and_other_datasets_are_refused_by_name()
    {
        var grant = await net.Grant(net.Civil, ["head"]);
        var unknownGrant = await Refused(net.Civil.FetchRecordAsync(net.Node.Endpoint, new string('9', 64), net.DatasetId, "x"));
        Assert.Equal(StatusCode.NotFound, unknownGrant.Code);
        Assert.Contains("does not exist", unknownGrant.Reason);

        var missing = await Refused(Fetch(grant, "nobody-by-this-key"));
        Assert.Equal(StatusCode.NotFound, missing.Code);
        Assert.DoesNotContain("nobody-by-this-key", missing.Reason);

        var otherDataset = await Refused(net.Civil.FetchRecordAsync(net.Node.Endpoint, grant, new string('8', 64), "x"));
        Assert.Equal(StatusCode.PermissionDenied, otherDataset.Code);
        Assert.Contains("covers dataset", otherDataset.Reason);
        Assert.Empty(await net.AccessReceipts(grant));
    }

    [Fact]
    public async Task A_purged_record_is_deleted_receipted_and_never_served_again()
    {
        var grant = await net.Grant(net.Civil, ["head"]);
        await net.PutRecord("purge-1", Household);
        var before = await Fetch(grant, "purge-1");

        var notOwner = await Refused(net.Civil.PurgeRecordAsync(net.Node.Endpoint, net.DatasetId, "purge-1", "not mine to purge"));
        Assert.Equal(StatusCode.PermissionDenied, notOwner.Code);

        var purged = await net.Owner.PurgeRecordAsync(net.Node.Endpoint, net.DatasetId, "purge-1", "retention period ended");
        Assert.True(purged.Deleted);
        Assert.False(purged.AlreadyPurged);
        Assert.Null(await net.Records.GetAsync(net.DatasetId, "purge-1"));
        var receipt = await net.Owner.GetTransactionAsync(purged.TxId);
        Assert.Equal("data.purge", receipt.Transaction.Body.Type);
        Assert.True(receipt.Receipt.Success);
        var purge = Contracts.Messages.PurgeRecordRequest.Parser.ParseFrom(receipt.Transaction.Body.Payload);
        Assert.NotEqual(before.Receipt.RecordKeyHash.ToArray(), purge.RecordKeyHash.ToByteArray()); // purge and access hashes do not link

        var refused = await Refused(Fetch(grant, "purge-1"));
        Assert.Equal(StatusCode.FailedPrecondition, refused.Code);
        Assert.Contains("record purged", refused.Reason);

        // A copy that reappears in the store is still never served, and purging again removes it under the same receipt.
        await net.PutRecord("purge-1", Household);
        Assert.Contains("record purged", (await Refused(Fetch(grant, "purge-1"))).Reason);
        var again = await net.Owner.PurgeRecordAsync(net.Node.Endpoint, net.DatasetId, "purge-1", "retention period ended");
        Assert.True(again.AlreadyPurged);
        Assert.True(again.Deleted);
        Assert.Equal(purged.TxId, again.TxId);
        Assert.Single(await net.AccessReceipts(grant));
    }

    [Fact]
    public async Task A_record_put_by_the_owner_is_served_to_the_grantee_and_nothing_goes_on_chain()
    {
        var grant = await net.Grant(net.Civil, ["head", "members"]);
        var headBefore = (await net.Owner.GetStatusAsync()).Height;

        Assert.False(await net.Owner.PutRecordAsync(net.Node.Endpoint, net.DatasetId, "put-1", Household));
        Assert.Equal(Household, Encoding.UTF8.GetString((await net.Records.GetAsync(net.DatasetId, "put-1"))!));
        Assert.True(await net.Owner.PutRecordAsync(net.Node.Endpoint, net.DatasetId, "put-1", Household)); // replaces
        await Task.Delay(500);
        for (var height = headBefore + 1; height <= (await net.Owner.GetStatusAsync()).Height; height++)
            Assert.DoesNotContain((await net.Owner.GetBlockAsync(height)).Transactions, t => t.Body.Type.StartsWith("data.", StringComparison.Ordinal));

        var record = await Fetch(grant, "put-1");
        Assert.Equal("""{"head":"张三","members":4}""", record.Json);
        Assert.Equal(record.Receipt.TxId, Assert.Single(await net.AccessReceipts(grant)).TxId);
        Assert.DoesNotContain("put-1", net.Node.Log);
    }

    [Fact]
    public async Task Puts_by_other_organisations_and_non_object_records_are_refused()
    {
        var civil = await Refused(net.Civil.PutRecordAsync(net.Node.Endpoint, net.DatasetId, "put-2", Household));
        Assert.Equal(StatusCode.PermissionDenied, civil.Code);
        Assert.Contains("belongs to 'civil-affairs'", civil.Reason);
        var tax = await Refused(net.Tax.PutRecordAsync(net.Node.Endpoint, net.DatasetId, "put-2", Household));
        Assert.Equal(StatusCode.PermissionDenied, tax.Code);
        Assert.Null(await net.Records.GetAsync(net.DatasetId, "put-2"));

        foreach (var notAnObject in new[] { "[1,2]", "\"text\"", "{\"unterminated\":", "not json" })
            Assert.Equal(StatusCode.InvalidArgument, (await Refused(net.Owner.PutRecordAsync(net.Node.Endpoint, net.DatasetId, "put-2", notAnObject))).Code);
        var unknown = await Refused(net.Owner.PutRecordAsync(net.Node.Endpoint, new string('7', 64), "put-2", Household));
        Assert.Equal(StatusCode.NotFound, unknown.Code);
        Assert.Null(await net.Records.GetAsync(net.DatasetId, "put-2"));
    }
}
