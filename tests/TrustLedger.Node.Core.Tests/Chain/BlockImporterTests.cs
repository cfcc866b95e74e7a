using TrustLedger.Node.Core.Admission;
using TrustLedger.Node.Core.Chain;
using TrustLedger.Node.Core.Execution;
using TrustLedger.Node.Core.Storage;
using TrustLedger.Node.Core.Tests.Support;
using TrustLedger.Protocol.Ledger;
using Xunit;

namespace TrustLedger.Node.Core.Tests.Chain;

/// <summary>Block sync: a node accepts a peer's block only with a valid certificate, valid transactions and reproducible roots.</summary>
public sealed class BlockImporterTests
{
    private readonly TestChain _source = new();

    private (BlockImporter Importer, LedgerState Ledger, IBlockStore Store) Follower()
    {
        var store = new InMemoryBlockStore();
        var executor = BlockExecutor.ForChain(_source.Config);
        var (ledger, nonces) = LedgerLoader.Load(_source.Config, executor, store);
        return (new BlockImporter(ledger, executor, nonces, MemberDirectory.FromState(ledger), store), ledger, store);
    }

    private Block[] ProduceBlocks(int count) =>
        Enumerable.Range(0, count).Select(_ => _source.Commit(_source.Tx(), _source.Tx(sender: _source.Bob)).Block!).ToArray();

    [Fact]
    public void Imported_chain_has_the_same_head_and_roots()
    {
        var (importer, ledger, store) = Follower();
        foreach (var block in ProduceBlocks(4)) importer.Import(block);
        Assert.Equal(_source.Ledger.HeadHash, ledger.HeadHash);
        Assert.Equal(_source.Ledger.State.Tree.Root, ledger.State.Tree.Root);
        Assert.Equal(4UL, store.Height);
    }

    [Fact]
    public void Block_without_enough_precommits_is_rejected_and_changes_nothing()
    {
        var (importer, ledger, store) = Follower();
        var block = ProduceBlocks(1)[0];
        var unsigned = new Block(block.Header, block.Transactions, block.Receipts, block.Commit with { Precommits = [] });
        var error = Assert.Throws<InvalidBlockException>(() => importer.Import(unsigned));
        Assert.Contains("more than 2/3", error.Reason);
        Assert.Equal(0UL, ledger.Height);
        Assert.Equal(0UL, store.Height);
        importer.Import(block); // the genuine block still applies
    }

    [Fact]
    public void Block_signed_by_a_non_validator_is_rejected()
    {
        var (importer, _, _) = Follower();
        var block = ProduceBlocks(1)[0];
        var forged = new Block(block.Header, block.Transactions, block.Receipts, BlockCertificate.Sign(_source.Suite, block.Header, 0, [_source.Alice]));
        Assert.Contains("not a validator", Assert.Throws<InvalidBlockException>(() => importer.Import(forged)).Reason);
    }

    [Fact]
    public void Block_whose_state_root_does_not_follow_from_its_transactions_is_rejected()
    {
        var (importer, ledger, _) = Follower();
        var block = ProduceBlocks(1)[0];
        // A validator that signs a lie: the certificate is valid, the roots are not.
        var lyingHeader = block.Header with { StateRoot = block.Header.LogRoot };
        var lying = new Block(lyingHeader, block.Transactions, block.Receipts, BlockCertificate.Sign(_source.Suite, lyingHeader, 0, [_source.Validator]));
        var rootBefore = ledger.State.Tree.Root;
        Assert.Contains("roots differ", Assert.Throws<InvalidBlockException>(() => importer.Import(lying)).Reason);
        Assert.Equal(rootBefore, ledger.State.Tree.Root);
    }

    [Fact]
    public void Block_with_a_forged_transaction_signature_is_rejected()
    {
        var (importer, _, _) = Follower();
        var block = ProduceBlocks(1)[0];
        var tx = block.Transactions[0];
        var forgedTx = SignedTransaction.Create(tx.Body with { Payload = "forged"u8.ToArray() }, tx.Signature, _source.Suite);
        var forged = new Block(block.Header, [forgedTx, .. block.Transactions.Skip(1)], block.Receipts, block.Commit);
        Assert.Contains("does not verify", Assert.Throws<InvalidBlockException>(() => importer.Import(forged)).Reason);
    }

    [Fact]
    public void Blocks_out_of_order_are_rejected()
    {
        var (importer, _, _) = Follower();
        var blocks = ProduceBlocks(2);
        Assert.Contains("expected height 1", Assert.Throws<InvalidBlockException>(() => importer.Import(blocks[1])).Reason);
    }
}
