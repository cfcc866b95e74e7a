using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using TrustLedger.Contracts.Messages;
using TrustLedger.Proto.Mapping;
using TrustLedger.Protocol.Crypto.Encryption;
using TrustLedger.Protocol.Records;
using TrustLedger.Sdk.Records;
using Xunit;
using Api = TrustLedger.Proto.Api.V1;

namespace TrustLedger.EndToEnd.Tests.Records;

/// <summary>
/// The wire and the answer under attack: replayed, stale and forged requests are refused by the owner's node;
/// altered or mismatched answers — including ones a dishonest owner commits on purpose — are refused by the SDK.
/// </summary>
public sealed class RecordTamperingTests(EthRecordNetwork net) : IClassFixture<EthRecordNetwork>
{
    private async Task<(string Grant, string Key)> Served(string key)
    {
        var grant = await net.Grant(net.Civil, ["head", "members"]);
        await net.PutRecord(key, """{"id":"x","head":"王五","members":2}""");
        return (grant, key);
    }

    private async Task<(RecordFetchRequest Request, ServedRecord Served)> RawFetch(string grant, string key)
    {
        var request = net.Civil.CreateRecordRequest(grant, net.DatasetId, key);
        using var channel = GrpcChannel.ForAddress(net.Node.Endpoint);
        var response = await new Api.Records.RecordsClient(channel).FetchRecordAsync(ToWire(request));
        return (request, new ServedRecord(response.Envelope.ToByteArray(), WireMapping.ToHash(response.AccessTxId, "tx"), response.AccessHeight, response.AccessSequence));
    }

    [Fact]
    public async Task Replayed_stale_and_forged_requests_are_refused_and_leave_no_receipt()
    {
        var (grant, key) = await Served("wire-1");
        var request = net.Civil.CreateRecordRequest(grant, net.DatasetId, key);
        using var channel = GrpcChannel.ForAddress(net.Node.Endpoint);
        var rpc = new Api.Records.RecordsClient(channel);
        await rpc.FetchRecordAsync(ToWire(request));

        var replay = await Assert.ThrowsAsync<RpcException>(async () => await rpc.FetchRecordAsync(ToWire(request)));
        Assert.Equal(StatusCode.AlreadyExists, replay.StatusCode);

        var stale = RecordFetchRequest.Sign(net.Civil.Suite, net.Civil.Signer!, net.Civil.ChainId, grant, net.DatasetId, key,
            DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds());
        var staleError = await Assert.ThrowsAsync<RpcException>(async () => await rpc.FetchRecordAsync(ToWire(stale)));
        Assert.Equal(StatusCode.Unauthenticated, staleError.StatusCode);
        Assert.Contains("clock", staleError.Status.Detail);

        var forged = ToWire(net.Civil.CreateRecordRequest(grant, net.DatasetId, key));
        forged.RecordKey = "wire-2"; // signed for another key
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(async () => await rpc.FetchRecordAsync(forged))).StatusCode);

        var malformed = ToWire(net.Civil.CreateRecordRequest(grant, net.DatasetId, key));
        malformed.Nonce = ByteString.CopyFrom(new byte[3]);
        Assert.Equal(StatusCode.InvalidArgument, (await Assert.ThrowsAsync<RpcException>(async () => await rpc.FetchRecordAsync(malformed))).StatusCode);

        Assert.Single(await net.AccessReceipts(grant));
    }

    [Fact]
    public async Task Altered_or_swapped_answers_are_refused_by_the_SDK()
    {
        var (grant, key) = await Served("swap-1");
        var (request1, served1) = await RawFetch(grant, key);
        var (request2, served2) = await RawFetch(grant, key);

        var altered = served1.Envelope.ToArray();
        altered[^30] ^= 0x04;
        await Assert.ThrowsAsync<RecordVerificationException>(() => net.Civil.OpenRecordAsync(request1, served1 with { Envelope = altered }));
        var swapped = served1 with { AccessTxId = served2.AccessTxId, AccessHeight = served2.AccessHeight, AccessSequence = served2.AccessSequence };
        Assert.Contains("names access receipt", (await Assert.ThrowsAsync<RecordVerificationException>(() => net.Civil.OpenRecordAsync(request1, swapped))).Message);
        await Assert.ThrowsAsync<RecordVerificationException>(() => net.Civil.OpenRecordAsync(request2, served1));
        await Assert.ThrowsAsync<RecordVerificationException>(() => net.Tax.OpenRecordAsync(request1, served1));

        Assert.Equal("""{"head":"王五","members":2}""", (await net.Civil.OpenRecordAsync(request1, served1)).Json);
        Assert.Equal("""{"head":"王五","members":2}""", (await net.Civil.OpenRecordAsync(request2, served2)).Json);
    }

    [Fact]
    public async Task A_dishonest_owner_whose_committed_receipt_does_not_match_the_record_is_caught()
    {
        var (grant, key) = await Served("dishonest-1");
        // Play the owner's node: its salt secret, a receipt committed by an owner key, and an envelope sealed by hand.
        var secret = Convert.FromHexString(File.ReadAllText(Path.Combine(net.Node.DataDir, "records.secret")).Trim());
        var suite = net.Civil.Suite;
        var grantSalt = RecordSalts.ForGrant(suite, secret, net.Civil.ChainId, grant);
        var delivered = """{"head":"王五","members":2}"""u8.ToArray();

        async Task<RecordVerificationException> Attempt(byte[] receiptContent, string receiptKey)
        {
            var request = net.Civil.CreateRecordRequest(grant, net.DatasetId, key);
            var contentSalt = RandomNumberGenerator.GetBytes(32);
            var receipt = await net.Owner.SubmitAsync("data.record_access", new RecordAccessRequest
            {
                GrantId = grant,
                RecordKeyHash = ByteString.CopyFrom(RecordHashes.RecordKeyHash(suite.Hash, grantSalt, net.DatasetId, receiptKey).ToArray()),
                ContentHash = ByteString.CopyFrom(RecordHashes.ContentHash(suite.Hash, contentSalt, receiptContent).ToArray()),
                Requester = ByteString.CopyFrom(net.Civil.Signer!.Address.Bytes),
            }.ToByteArray());
            Assert.True(receipt.Success, receipt.Message);
            var envelope = Envelopes.For(suite).Seal(net.Civil.Signer.PublicKey,
                new SealedRecord(grantSalt, contentSalt, receipt.TxId, delivered).Encode(), request.EnvelopeContext(suite.Hash));
            var served = new ServedRecord(envelope, receipt.TxId, receipt.Height, ContractOutput.Parser.ParseFrom(receipt.Output).Value);
            return await Assert.ThrowsAsync<RecordVerificationException>(() => net.Civil.OpenRecordAsync(request, served));
        }

        Assert.Contains("content hash", (await Attempt("""{"head":"赵六","members":2}"""u8.ToArray(), key)).Message);
        Assert.Contains("another record key", (await Attempt(delivered, "dishonest-2")).Message);
    }

    private static Api.FetchRecordRequest ToWire(RecordFetchRequest r) => new()
    {
        GrantId = r.GrantId,
        DatasetId = r.DatasetId,
        RecordKey = r.RecordKey,
        RequesterPublicKey = ByteString.CopyFrom(r.RequesterPublicKey),
        TimestampMs = r.TimestampMs,
        Nonce = ByteString.CopyFrom(r.Nonce),
        Signature = ByteString.CopyFrom(r.Signature),
    };
}
