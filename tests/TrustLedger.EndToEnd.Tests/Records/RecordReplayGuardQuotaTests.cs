using Grpc.Core;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Sdk;
using TrustLedger.Sdk.Records;
using Xunit;

namespace TrustLedger.EndToEnd.Tests.Records;

/// <summary>
/// The replay guard under flooding, on a node whose guard holds <see cref="SmallGuardRecordNetwork.Capacity"/>
/// requests, <see cref="SmallGuardRecordNetwork.Share"/> per organisation: outsiders never take a slot, and a member
/// over its share is refused by name while other members keep fetching.
/// </summary>
public sealed class RecordReplayGuardQuotaTests(SmallGuardRecordNetwork net) : IClassFixture<SmallGuardRecordNetwork>
{
    private const string Household = """{"id":"3304020001","head":"张三","members":4}""";
    private static readonly string UnknownGrant = new('9', 64);

    private static async Task<RecordRequestRefusedException> Refused(Task fetch) => await Assert.ThrowsAsync<RecordRequestRefusedException>(() => fetch);

    [Fact]
    public async Task An_outsider_flooding_the_node_takes_no_slot_and_members_are_still_served()
    {
        var grant = await net.Grant(net.Tax, ["head"]);
        await net.PutRecord("outsider-1", Household);
        using var outsider = await TrustLedgerClient.ConnectAsync(net.Node.Endpoint, CryptoSuites.Get("eth").GenerateKey());

        for (var i = 0; i < 3 * SmallGuardRecordNetwork.Capacity; i++)
        {
            var refused = await Refused(outsider.FetchRecordAsync(net.Node.Endpoint, grant, net.DatasetId, "outsider-1"));
            Assert.Equal(StatusCode.PermissionDenied, refused.Code);
            Assert.Contains("not an active key of any organisation", refused.Reason);
        }

        Assert.Equal("""{"head":"张三"}""", (await net.Tax.FetchRecordAsync(net.Node.Endpoint, grant, net.DatasetId, "outsider-1")).Json);
    }

    [Fact]
    public async Task A_member_over_its_share_is_refused_by_name_while_another_member_is_served()
    {
        var taxGrant = await net.Grant(net.Tax, ["head"]);
        await net.PutRecord("share-1", Household);

        // Requests for a grant that does not exist pass every cheap check, take a slot, then fail on the grant.
        RecordRequestRefusedException? exhausted = null;
        for (var i = 0; i <= SmallGuardRecordNetwork.Share && exhausted is null; i++)
        {
            var refused = await Refused(net.Civil.FetchRecordAsync(net.Node.Endpoint, UnknownGrant, net.DatasetId, "share-1"));
            if (refused.Code == StatusCode.ResourceExhausted) exhausted = refused;
            else Assert.Equal(StatusCode.NotFound, refused.Code);
        }

        Assert.NotNull(exhausted);
        Assert.Contains("'civil-affairs'", exhausted.Reason);
        Assert.Equal(StatusCode.ResourceExhausted, (await Refused(net.Civil.FetchRecordAsync(net.Node.Endpoint, UnknownGrant, net.DatasetId, "share-1"))).Code);
        Assert.Equal("""{"head":"张三"}""", (await net.Tax.FetchRecordAsync(net.Node.Endpoint, taxGrant, net.DatasetId, "share-1")).Json);
    }
}
