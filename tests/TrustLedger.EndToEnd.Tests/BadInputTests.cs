using Grpc.Core;
using Grpc.Net.Client;
using TrustLedger.EndToEnd.Tests.Support;
using TrustLedger.Proto.Api.V1;
using TrustLedger.Proto.Mapping;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Sdk;
using Xunit;
using Xunit.Abstractions;

namespace TrustLedger.EndToEnd.Tests;

/// <summary>
/// Every kind of bad input reaches a real node over gRPC and gets a clear status with a reason; the node keeps
/// running and stores nothing for it. One node is shared by the class; each test checks the node afterwards.
/// </summary>
public sealed class BadInputTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private TrustLedgerClient Client => fixture.Client;

    private async Task<RpcException> SubmitRaw(Proto.Wire.V1.Transaction wire)
    {
        using var channel = GrpcChannel.ForAddress(fixture.Node.Endpoint);
        var rpc = new Ledger.LedgerClient(channel);
        return await Assert.ThrowsAsync<RpcException>(async () => await rpc.SubmitAsync(new SubmitRequest { Transaction = wire }));
    }

    private async Task AssertNothingStoredAndNodeAlive(Transaction body, byte[] signature)
    {
        var id = SignedTransaction.Create(body, signature, Client.Suite).Id;
        var notFound = await Assert.ThrowsAsync<RpcException>(() => Client.GetTransactionAsync(id));
        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
        var ok = await Client.SubmitAsync("anchor.put", "still alive"u8.ToArray());
        Assert.True(ok.Success);
    }

    [Fact]
    public async Task Malformed_protobuf_is_rejected_and_the_node_survives()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Node.Endpoint);
        var garbage = new Method<byte[], byte[]>(MethodType.Unary, "trustledger.api.v1.Ledger", "Submit",
            Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await channel.CreateCallInvoker().AsyncUnaryCall(garbage, null, new CallOptions(), [0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("malformed", error.Status.Detail);
        Assert.True((await Client.SubmitAsync("anchor.put", "after garbage"u8.ToArray())).Success);
    }

    [Fact]
    public async Task Oversized_payload_is_invalid_argument()
    {
        var tx = Client.Sign("anchor.put", new byte[100 * 1024]);
        var error = await SubmitRaw(tx.ToWire());
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("limit", error.Status.Detail);
        await AssertNothingStoredAndNodeAlive(tx.Body, tx.Signature);
    }

    [Fact]
    public async Task Wrong_chain_id_is_invalid_argument()
    {
        var good = Client.Sign("anchor.put", "x"u8.ToArray());
        var body = good.Body with { ChainId = "someone-elses-chain" };
        var tx = SignedTransaction.Sign(body, Client.Signer!, Client.Suite);
        var error = await SubmitRaw(tx.ToWire());
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("wrong chain id", error.Status.Detail);
        await AssertNothingStoredAndNodeAlive(tx.Body, tx.Signature);
    }

    [Fact]
    public async Task Bad_signature_is_unauthenticated()
    {
        var good = Client.Sign("anchor.put", "x"u8.ToArray());
        var forged = good.ToWire();
        forged.Payload = Google.Protobuf.ByteString.CopyFromUtf8("tampered");
        var error = await SubmitRaw(forged);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("does not verify", error.Status.Detail);
        await AssertNothingStoredAndNodeAlive(good.Body with { Payload = "tampered"u8.ToArray() }, good.Signature);
    }

    [Fact]
    public async Task Missing_signature_is_unauthenticated()
    {
        var good = Client.Sign("anchor.put", "x"u8.ToArray());
        var wire = good.ToWire();
        wire.Signature = Google.Protobuf.ByteString.Empty;
        var error = await SubmitRaw(wire);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        await AssertNothingStoredAndNodeAlive(good.Body, []);
    }

    [Fact]
    public async Task Unknown_sender_is_permission_denied()
    {
        var stranger = Client.Suite.GenerateKey();
        using var strangerClient = await TrustLedgerClient.ConnectAsync(fixture.Node.Endpoint, stranger);
        var tx = strangerClient.Sign("anchor.put", "x"u8.ToArray());
        var error = await Assert.ThrowsAsync<TransactionRejectedException>(() => strangerClient.SubmitAsync(tx, TimeSpan.FromSeconds(10)));
        Assert.Equal(StatusCode.PermissionDenied, error.Code);
        Assert.Contains("not a key of any organisation", error.Reason);
        await AssertNothingStoredAndNodeAlive(tx.Body, tx.Signature);
    }

    [Fact]
    public async Task Replayed_nonce_is_already_exists()
    {
        var first = Client.Sign("anchor.put", "first"u8.ToArray(), nonce: 424242);
        Assert.True((await Client.SubmitAsync(first, TimeSpan.FromSeconds(10))).Success);
        var replay = Client.Sign("anchor.put", "second"u8.ToArray(), nonce: 424242);
        var error = await Assert.ThrowsAsync<TransactionRejectedException>(() => Client.SubmitAsync(replay, TimeSpan.FromSeconds(10)));
        Assert.Equal(StatusCode.AlreadyExists, error.Code);
        Assert.Contains("replay", error.Reason);
        await AssertNothingStoredAndNodeAlive(replay.Body, replay.Signature);
    }

    [Fact]
    public async Task Expired_validity_window_is_failed_precondition()
    {
        var now = DateTimeOffset.UtcNow;
        var body = new Transaction(Client.ChainId, Client.Signer!.PublicKey, "anchor.put", "late"u8.ToArray(), 99,
            (now - TimeSpan.FromHours(2)).ToUnixTimeMilliseconds(), (now - TimeSpan.FromHours(1)).ToUnixTimeMilliseconds());
        var tx = SignedTransaction.Sign(body, Client.Signer, Client.Suite);
        var error = await SubmitRaw(tx.ToWire());
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("expired", error.Status.Detail);
        await AssertNothingStoredAndNodeAlive(tx.Body, tx.Signature);
    }

    [Fact]
    public async Task Truncated_public_key_is_invalid_argument()
    {
        var wire = Client.Sign("anchor.put", "x"u8.ToArray()).ToWire();
        wire.SenderPublicKey = Google.Protobuf.ByteString.CopyFrom(new byte[33]);
        var error = await SubmitRaw(wire);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Malformed_ids_and_oversized_arguments_are_invalid_argument_never_unknown()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Node.Endpoint);
        var calls = fixture.AsDevClient(channel);
        var ledger = new Ledger.LedgerClient(calls);
        var proofs = new Proofs.ProofsClient(calls);
        var query = new Query.QueryClient(calls);
        var fiveBytes = Google.Protobuf.ByteString.CopyFrom(new byte[5]);
        async Task Invalid(string field, Func<Task> call)
        {
            var e = await Assert.ThrowsAsync<RpcException>(call);
            Assert.True(e.StatusCode == StatusCode.InvalidArgument, $"{field}: {e.StatusCode} {e.Status.Detail}");
            Assert.Contains(field, e.Status.Detail);
        }
        await Invalid("tx_id", async () => await ledger.GetTransactionAsync(new GetTransactionRequest { TxId = fiveBytes }));
        await Invalid("tx_id", async () => await ledger.GetReceiptAsync(new GetReceiptRequest { TxId = fiveBytes }));
        await Invalid("tx_id", async () => await proofs.GetInclusionProofAsync(new InclusionProofRequest { TxId = fiveBytes }));
        await Invalid("key", async () => await proofs.GetStateProofAsync(new StateProofRequest { Key = Google.Protobuf.ByteString.CopyFrom(new byte[2 * 1024 * 1024]) }));
        var manyDays = new GetCaseStatisticsRequest();
        manyDays.Days.AddRange(Enumerable.Repeat("20261204", 400));
        await Invalid("days", async () => await query.GetCaseStatisticsAsync(manyDays));
        Assert.True((await Client.SubmitAsync("anchor.put", "still alive after bad arguments"u8.ToArray())).Success);
    }
}
