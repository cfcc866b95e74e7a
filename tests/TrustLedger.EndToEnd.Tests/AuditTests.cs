using Google.Protobuf;
using Grpc.Net.Client;
using TrustLedger.Contracts.Membership;
using TrustLedger.EndToEnd.Tests.Support;
using TrustLedger.Proto.Api.V1;
using TrustLedger.Proto.Mapping;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Primitives;
using TrustLedger.Sdk.Verification;
using Xunit;

namespace TrustLedger.EndToEnd.Tests;

/// <summary>
/// Invariant 4: holding only the genesis file, an auditor verifies commit certificates, a transaction's inclusion,
/// the append-only growth of the log and a piece of current state — and catches any doctored answer.
/// </summary>
public sealed class AuditTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private GenesisDocument Genesis => GenesisDocument.Load(Path.Combine(fixture.Node.DataDir, "genesis.json"));

    private Proofs.ProofsClient RawProofs(GrpcChannel channel) => new(fixture.AsDevClient(channel)); // as the dev organisation, an auditor

    [Fact]
    public async Task Inclusion_of_each_transaction_is_proven_at_its_block_and_at_the_head()
    {
        var receipts = new List<Sdk.TxReceipt>();
        for (var i = 0; i < 3; i++) receipts.Add(await fixture.Client.SubmitAsync("anchor.put", BitConverter.GetBytes(i)));
        using var audit = new AuditClient(fixture.Node.Endpoint, Genesis, fixture.Client.Signer);
        foreach (var r in receipts)
        {
            var atHead = await audit.VerifyTransactionAsync(r.TxId);
            Assert.Equal(r.Height, atHead.TxHeight);
            var atOwnBlock = await audit.VerifyTransactionAsync(r.TxId, r.Height);
            Assert.Equal(r.Height, atOwnBlock.Checkpoint.Height);
        }
    }

    [Fact]
    public async Task Log_growth_between_two_checkpoints_is_proven()
    {
        var first = await fixture.Client.SubmitAsync("anchor.put", "before"u8.ToArray());
        var second = await fixture.Client.SubmitAsync("anchor.put", "after"u8.ToArray());
        using var audit = new AuditClient(fixture.Node.Endpoint, Genesis, fixture.Client.Signer);
        var growth = await audit.VerifyLogGrowthAsync(first.Height, second.Height);
        Assert.True(growth.To.LogSize > growth.From.LogSize);
        await audit.VerifyLogGrowthAsync(1);
    }

    [Fact]
    public async Task Membership_state_is_proven_present_for_a_member_and_absent_for_a_stranger()
    {
        await fixture.Client.SubmitAsync("anchor.put", "state"u8.ToArray());
        using var audit = new AuditClient(fixture.Node.Endpoint, Genesis, fixture.Client.Signer);
        var member = await audit.VerifyStateAsync(MembershipState.KeyEntry(fixture.Client.Signer!.Address));
        Assert.NotNull(member.Value);
        var stranger = await audit.VerifyStateAsync(MembershipState.KeyEntry(fixture.Client.Suite.GenerateKey().Address));
        Assert.Null(stranger.Value);
    }

    [Fact]
    public async Task Doctored_answers_are_caught()
    {
        var receipt = await fixture.Client.SubmitAsync("anchor.put", "doctored"u8.ToArray());
        await fixture.Client.SubmitAsync("anchor.put", "so the log has more than one entry"u8.ToArray());
        using var channel = GrpcChannel.ForAddress(fixture.Node.Endpoint);
        using var audit = new AuditClient(fixture.Node.Endpoint, Genesis, fixture.Client.Signer);
        var genuine = await RawProofs(channel).GetInclusionProofAsync(new InclusionProofRequest { TxId = receipt.TxId.ToByteString() });
        audit.CheckInclusion(receipt.TxId, genuine);

        var otherTx = new Hash32(new byte[32]);
        Assert.Throws<VerificationException>(() => audit.CheckInclusion(otherTx, genuine));

        var badPath = genuine.Clone();
        if (badPath.Path.Count > 0) badPath.Path[0] = ByteString.CopyFrom(new byte[32]);
        else badPath.LeafIndex += 1;
        Assert.Throws<VerificationException>(() => audit.CheckInclusion(receipt.TxId, badPath));

        var forgedRoot = genuine.Clone();
        forgedRoot.Checkpoint.Header.LogRoot = ByteString.CopyFrom(new byte[32]); // header no longer matches its signatures
        Assert.Throws<VerificationException>(() => audit.CheckInclusion(receipt.TxId, forgedRoot));

        var unsigned = genuine.Clone();
        unsigned.Checkpoint.Commit.Precommits.Clear();
        Assert.Contains("more than 2/3", Assert.Throws<VerificationException>(() => audit.CheckInclusion(receipt.TxId, unsigned)).Message);

        var otherGenesis = Genesis with { ChainId = "another-chain" };
        using var wrongAuditor = new AuditClient(fixture.Node.Endpoint, otherGenesis);
        Assert.Throws<VerificationException>(() => wrongAuditor.CheckInclusion(receipt.TxId, genuine));

        var key = MembershipState.KeyEntry(fixture.Client.Signer!.Address);
        var state = await RawProofs(channel).GetStateProofAsync(new StateProofRequest { Key = ByteString.CopyFrom(key) });
        var lie = state.Clone();
        lie.Value = ByteString.CopyFromUtf8("someone-else");
        Assert.Throws<VerificationException>(() => audit.CheckState(key, lie));
        var hidden = state.Clone();
        hidden.Present = false;
        Assert.Throws<VerificationException>(() => audit.CheckState(key, hidden));
    }
}
