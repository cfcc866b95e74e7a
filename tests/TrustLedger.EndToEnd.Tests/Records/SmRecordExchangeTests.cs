using Grpc.Core;
using Xunit;

namespace TrustLedger.EndToEnd.Tests.Records;

/// <summary>The record exchange on an sm (国密) network: SM2-wrapped SM4-GCM envelopes, SM3 hashes, end to end.</summary>
public sealed class SmRecordExchangeTests(SmRecordNetwork net) : IClassFixture<SmRecordNetwork>
{
    [Fact]
    public async Task A_record_is_served_verified_and_purged_on_an_sm_network()
    {
        var grant = await net.Grant(net.Civil, ["address", "members"]);
        await net.PutRecord("嘉兴-0001", """{"id":"嘉兴-0001","head":"张三","address":"南湖区","members":3}""");

        var record = await net.Civil.FetchRecordAsync(net.Node.Endpoint, grant, net.DatasetId, "嘉兴-0001");

        Assert.Equal("""{"address":"南湖区","members":3}""", record.Json);
        Assert.Equal(record.Receipt.TxId, Assert.Single(await net.AccessReceipts(grant)).TxId);
        Assert.DoesNotContain("张三", net.Node.Log);

        await net.Owner.PurgeRecordAsync(net.Node.Endpoint, net.DatasetId, "嘉兴-0001", "citizen request");
        var refused = await Assert.ThrowsAsync<Sdk.Records.RecordRequestRefusedException>(
            () => net.Civil.FetchRecordAsync(net.Node.Endpoint, grant, net.DatasetId, "嘉兴-0001"));
        Assert.Equal(StatusCode.FailedPrecondition, refused.Code);
        Assert.Contains("purged", refused.Reason);
    }
}
