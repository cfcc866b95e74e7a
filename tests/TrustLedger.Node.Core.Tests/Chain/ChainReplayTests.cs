using TrustLedger.Node.Core.Chain;
using TrustLedger.Node.Core.Tests.Support;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Ledger;
using Xunit;

namespace TrustLedger.Node.Core.Tests.Chain;

/// <summary>
/// Replay of a one-validator chain as dev mode has always written it (round-0 certificates of the validator alone):
/// every header and root comes back, and a block that lies about its receipts is refused.
/// </summary>
public sealed class ChainReplayTests
{
    private readonly TestChain _chain = new();

    [Fact]
    public void Blocks_chain_by_previous_hash_and_carry_a_round_0_certificate_of_the_validator_alone()
    {
        var first = _chain.Commit(_chain.Tx()).Block!;
        var second = _chain.Commit(_chain.Tx(), _chain.Tx()).Block!;
        Assert.Equal(_chain.Config.GenesisHash, first.Header.PreviousHash);
        Assert.Equal(first.Header.ComputeHash(_chain.Suite.Hash), second.Header.PreviousHash);
        Assert.Equal(3UL, second.Header.LogSize);
        Assert.Equal(2U, second.Header.TxCount);
        Assert.Equal((2UL, 0, second.Header.ComputeHash(_chain.Suite.Hash)), (second.Commit.Height, second.Commit.Round, second.Commit.ValueId));
        var precommit = Assert.Single(second.Commit.Precommits);
        Assert.Equal(_chain.Validator.Address, precommit.Validator);
        var signed = SignedBytes.Vote(_chain.Config.ChainId, VoteType.Precommit, 2, 0, second.Header.ComputeHash(_chain.Suite.Hash));
        Assert.True(_chain.Suite.Verify(_chain.Validator.PublicKey, signed, precommit.Signature));
        Assert.Null(BlockCertificate.Problem(_chain.Suite, _chain.Config.ChainId, second.Header, second.Commit, _chain.Config.GenesisValidators));
    }

    [Fact]
    public void Replay_from_genesis_reproduces_every_header()
    {
        for (var i = 0; i < 5; i++)
        {
            // The empty anchor fails in its contract; it reaches the block as if it raced past admission.
            _chain.Pool.TryAdd(_chain.Tx(payload: []));
            _chain.Commit(_chain.Tx(), _chain.Tx(sender: _chain.Bob));
        }
        Assert.Contains(_chain.Store.ReadBlocks(1).SelectMany(b => b.Receipts), r => !r.Success);
        var (replayed, _) = LedgerLoader.Load(_chain.Config, _chain.Executor, _chain.Store);
        Assert.Equal(_chain.Ledger.HeadHash, replayed.HeadHash);
        Assert.Equal(_chain.Ledger.State.Tree.Root, replayed.State.Tree.Root);
        Assert.Equal(_chain.Ledger.Log.Root, replayed.Log.Root);
    }

    [Fact]
    public void Replay_detects_a_block_whose_receipts_were_altered()
    {
        var block = _chain.Commit(_chain.Tx()).Block!;
        var forged = new Block(block.Header, block.Transactions, [Receipt.Failed(block.Transactions[0].Id, ErrorCode.PermissionDenied, "forged")], block.Commit);
        var fresh = LedgerState.FromGenesis(_chain.Config);
        var error = Assert.Throws<ReplayMismatchException>(() => new ChainReplayer(fresh, _chain.Executor).Replay(forged));
        Assert.Contains("receipt 0", error.Message);
    }

    /// <summary>Invariant 9: a node trusts its own log no more than a peer — a changed signature byte stops the replay at its block.</summary>
    [Fact]
    public void Replay_detects_a_transaction_whose_signature_was_altered_though_every_root_still_matches()
    {
        var block = _chain.Commit(_chain.Tx()).Block!;
        var tx = block.Transactions[0];
        var signature = (byte[])tx.Signature.Clone();
        signature[10] ^= 0x01;
        var tampered = SignedTransaction.Create(tx.Body, signature, _chain.Suite);
        Assert.Equal(tx.Id, tampered.Id); // the id (and so every root) does not cover the signature bytes
        var forged = new Block(block.Header, [tampered], block.Receipts, block.Commit);
        var error = Assert.Throws<ReplayMismatchException>(() => new ChainReplayer(LedgerState.FromGenesis(_chain.Config), _chain.Executor).Replay(forged));
        Assert.Equal(block.Height, error.Height);
        Assert.Contains("signature", error.Message);
    }

    [Fact]
    public void Replay_detects_a_block_whose_commit_certificate_was_altered()
    {
        var block = _chain.Commit(_chain.Tx()).Block!;
        var unsigned = new Block(block.Header, block.Transactions, block.Receipts,
            block.Commit with { Precommits = [] });
        var error = Assert.Throws<ReplayMismatchException>(() => new ChainReplayer(LedgerState.FromGenesis(_chain.Config), _chain.Executor).Replay(unsigned));
        Assert.Contains("commit certificate", error.Message);
    }
}
