using TrustLedger.EndToEnd.Tests.Support;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Crypto;
using Xunit;

namespace TrustLedger.EndToEnd.Tests;

/// <summary>The SDK against a real node: submit, read back the block and transaction, follow new blocks.</summary>
public sealed class SdkRoundTripTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task Submitted_transaction_is_readable_in_its_block_with_a_valid_commit()
    {
        var client = fixture.Client;
        var receipt = await client.SubmitAsync("anchor.put", "minutes of the 3 May meeting"u8.ToArray());
        Assert.True(receipt.Success);
        Assert.Equal(DigestHashFunction.Sha256.Hash("minutes of the 3 May meeting"u8).ToArray(), receipt.Output);

        var block = await client.GetBlockAsync(receipt.Height);
        Assert.Equal(receipt.BlockHash, block.Header.ComputeHash(client.Suite.Hash));
        Assert.Equal(receipt.TxId, block.Transactions[receipt.Index].Id);
        var commit = Assert.Single(block.Commit.Precommits);
        var signed = SignedBytes.Vote(client.ChainId, VoteType.Precommit, block.Height, block.Commit.Round, receipt.BlockHash);
        var validatorKey = Protocol.Primitives.Hex.Decode(System.Text.Json.JsonDocument.Parse(
            File.ReadAllText(Path.Combine(fixture.Node.DataDir, "genesis.json"))).RootElement.GetProperty("validators")[0].GetProperty("publicKey").GetString()!);
        Assert.True(client.Suite.Verify(validatorKey, signed, commit.Signature));

        var tx = await client.GetTransactionAsync(receipt.TxId);
        Assert.Equal(client.Signer!.Address, tx.Transaction.Sender);
        Assert.Equal(receipt.Height, tx.Receipt.Height);
    }

    [Fact]
    public async Task Watching_clients_see_new_blocks_as_they_commit()
    {
        var client = fixture.Client;
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var start = (await client.GetStatusAsync()).Height + 1;
        var seen = Task.Run(async () =>
        {
            await foreach (var header in client.WatchBlocksAsync(start, cancel.Token))
                return header;
            return null;
        });
        var receipt = await client.SubmitAsync("anchor.put", "watched"u8.ToArray());
        var first = await seen;
        Assert.NotNull(first);
        Assert.Equal(start, first!.Height);
        Assert.True(receipt.Height >= start);
    }
}
