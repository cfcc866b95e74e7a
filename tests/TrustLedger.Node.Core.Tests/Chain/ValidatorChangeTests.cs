using Google.Protobuf;
using TrustLedger.Contracts.Messages;
using TrustLedger.Node.Core.Admission;
using TrustLedger.Node.Core.Chain;
using TrustLedger.Node.Core.Execution;
using TrustLedger.Node.Core.Storage;
using TrustLedger.Node.Core.Tests.Support;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Ledger;
using Xunit;
using ValidatorSet = TrustLedger.Protocol.Consensus.ValidatorSet;

namespace TrustLedger.Node.Core.Tests.Chain;

/// <summary>
/// A governance proposal hands the chain from the dev validator to four new validators from height 3. Every header
/// names the set of its own height, read from ledger state, and block sync checks certificates against that set.
/// </summary>
public sealed class ValidatorChangeTests
{
    private const ulong Handover = 3;
    private readonly TestChain _source = new();
    private readonly KeyPair[] _next;
    private readonly BlockExecutor _executor;
    private readonly LedgerState _follower;
    private readonly BlockImporter _importer;
    private readonly InMemoryBlockStore _store = new();

    public ValidatorChangeTests()
    {
        _next = [.. Enumerable.Range(0, 4).Select(_ => _source.Suite.GenerateKey())];
        _executor = BlockExecutor.ForChain(_source.Config);
        (_follower, var nonces) = LedgerLoader.Load(_source.Config, _executor, _store);
        _importer = new BlockImporter(_follower, _executor, nonces, MemberDirectory.FromState(_follower), _store);

        // Block 1 executes the proposal (the dev organisation is the only admin); block 2 is the last of the old set.
        var proposal = _source.Commit(_source.Tx(type: "gov.propose", payload: new ProposeRequest
        {
            Action = new ProposalAction
            {
                SetValidators = new SetValidators
                {
                    EffectiveHeight = Handover,
                    Validators = { _next.Select(k => new ValidatorInfo { Organisation = "dev", PublicKey = ByteString.CopyFrom(k.PublicKey) }) },
                },
            },
            Description = "hand over to four validators",
        }.ToByteArray())).Block!;
        Assert.True(proposal.Receipts.Single().Success, proposal.Receipts.Single().Message);
        _importer.Import(proposal);
        _importer.Import(_source.Commit(_source.Tx()).Block!);
    }

    private ValidatorSet NextSet => ValidatorSet.FromPublicKeys(_source.Suite, _next.Select(k => k.PublicKey));

    /// <summary>Block 3 as the new validators would propose it: built on the follower's state, which names their set.</summary>
    private BlockHeader NextHeader()
    {
        var timeMs = _follower.HeadTimeMs + 1_000;
        var execution = _executor.Execute(_follower.State, [], Handover, timeMs);
        return _follower.Preview(execution, timeMs, _next[0].Address);
    }

    private Block Signed(BlockHeader header, params KeyPair[] signers) =>
        new(header, [], [], BlockCertificate.Sign(_source.Suite, header, round: 1, signers));

    [Fact]
    public void Headers_name_the_validator_set_of_their_own_height()
    {
        var genesisSet = _source.Config.GenesisValidators.ComputeHash(_source.Suite.Hash);
        Assert.Equal(genesisSet, _source.Config.Genesis.ValidatorSetHash(_source.Suite.Hash));
        Assert.All(_store.ReadBlocks(1), b => Assert.Equal(genesisSet, b.Header.ValidatorSetHash));
        Assert.Equal(NextSet.ComputeHash(_source.Suite.Hash), NextHeader().ValidatorSetHash);
        Assert.Equal(_next.Select(k => k.Address), _follower.ValidatorSetAt(Handover).Validators.Select(v => v.Address));
        Assert.Equal(_source.Config.Validators, _follower.ValidatorSetAt(Handover - 1).Validators.Select(v => v.Address));
    }

    [Fact]
    public void State_answers_for_at_most_two_heights_ahead()
    {
        Assert.NotNull(_follower.ValidatorSetAt(_follower.Height + 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => _follower.ValidatorSetAt(_follower.Height + 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => _follower.ValidatorSetAt(0));
    }

    [Fact]
    public void After_the_change_a_block_signed_by_the_old_validator_is_refused()
    {
        var header = NextHeader();
        var old = Signed(header, _source.Validator);
        Assert.Contains("is not a validator at height 3", Assert.Throws<InvalidBlockException>(() => _importer.Import(old)).Reason);

        // Nor may the old validator name its own set in the header: the state says who signs height 3.
        var stale = header with { ValidatorSetHash = _source.Config.GenesisValidators.ComputeHash(_source.Suite.Hash) };
        Assert.Contains("header names validator set", Assert.Throws<InvalidBlockException>(() => _importer.Import(Signed(stale, _source.Validator))).Reason);
        Assert.Equal(Handover - 1, _follower.Height);
    }

    [Fact]
    public void After_the_change_a_block_signed_by_a_quorum_of_the_new_set_is_imported()
    {
        var header = NextHeader();
        Assert.Contains("more than 2/3", Assert.Throws<InvalidBlockException>(() => _importer.Import(Signed(header, _next[0], _next[1]))).Reason);
        _importer.Import(Signed(header, _next[0], _next[1], _next[3]));
        Assert.Equal(Handover, _follower.Height);

        // A restart replays the block log and reproduces every header, validator set hash included.
        var (replayed, _) = LedgerLoader.Load(_source.Config, _executor, _store);
        Assert.Equal(_follower.HeadHash, replayed.HeadHash);
    }
}
