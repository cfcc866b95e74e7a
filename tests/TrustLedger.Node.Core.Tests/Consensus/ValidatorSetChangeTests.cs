using Google.Protobuf;
using TrustLedger.Contracts.Messages;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Ledger;
using ValidatorSet = TrustLedger.Protocol.Consensus.ValidatorSet;
using Xunit;

namespace TrustLedger.Node.Core.Tests.Consensus;

/// <summary>A governance proposal changes who validates, from the height it names, on a running BFT network.</summary>
public sealed class ValidatorSetChangeTests
{
    [Fact]
    public async Task A_governance_proposal_removes_a_validator_from_its_effective_height_on()
    {
        await using var network = new LocalValidatorNetwork(4);
        network.StartAll();
        var keys = network.Nodes.Select(n => n.Key).ToArray();
        var effective = network.Nodes[0].Store.Height + 8;
        var action = new ProposalAction { SetValidators = new SetValidators { EffectiveHeight = effective } };
        for (var i = 0; i < 3; i++)
            action.SetValidators.Validators.Add(new ValidatorInfo { Organisation = $"org{i + 1}", PublicKey = ByteString.CopyFrom(keys[i].PublicKey) });

        // org1 proposes; with four admin organisations a majority (three) must approve: org1's proposal counts, org2 and org3 approve.
        var proposed = await network.Commit(network.Tx(keys[0], "gov.propose", new ProposeRequest { Action = action, Description = "retire org4's validator" }.ToByteArray()));
        Assert.True(proposed.Success, proposed.Message);
        var proposalId = ContractOutput.Parser.ParseFrom(proposed.Output).Id;
        foreach (var approver in new[] { 1, 2 })
        {
            var approved = await network.Commit(network.Tx(keys[approver], "gov.approve", new ApproveProposalRequest { ProposalId = proposalId }.ToByteArray()), via: approver);
            Assert.True(approved.Success, approved.Message);
        }
        Assert.True(network.Nodes[0].Store.Height < effective, "the change must be scheduled before its height for this test to mean anything");

        await network.WaitForHeight(effective + 3, network.Nodes.Take(3));
        var oldSet = network.Chain.GenesisValidators;
        var newSet = ValidatorSet.FromPublicKeys(network.Suite, keys.Take(3).Select(k => k.PublicKey));
        var store = network.Nodes[0].Store;
        for (var h = effective - 2; h <= effective + 3; h++)
        {
            var block = store.GetBlock(h)!;
            var set = h < effective ? oldSet : newSet;
            Assert.Equal(set.ComputeHash(network.Suite.Hash), block.Header.ValidatorSetHash);
            Assert.Null(BlockCertificate.Problem(network.Suite, network.Chain.ChainId, block.Header, block.Commit, set));
            if (h >= effective) Assert.DoesNotContain(block.Commit.Precommits, p => p.Validator == keys[3].Address);
        }

        // From then on org4's node is no longer needed: stopping it changes nothing, while stopping one of the three would.
        await network.Nodes[3].StopAsync();
        var receipt = await network.Commit(network.Tx("after the change"), via: 1);
        Assert.True(receipt.Success);
    }
}
