using Google.Protobuf;
using TrustLedger.Contracts.Messages;
using TrustLedger.Node.Core.Tests.Support;
using TrustLedger.Protocol.Ledger;
using Xunit;

namespace TrustLedger.Node.Core.Tests.Chain;

/// <summary>Membership lives in ledger state: a governance change decides who may submit from the next transaction on.</summary>
public sealed class GovernanceEffectTests
{
    private readonly TestChain _chain = new();

    private SignedTransaction Propose(ProposalAction action) =>
        _chain.Tx(type: "gov.propose", payload: new ProposeRequest { Action = action, Description = "test" }.ToByteArray());

    [Fact]
    public void A_key_added_by_governance_may_submit_after_the_block_commits()
    {
        Assert.Equal(ErrorCode.PermissionDenied, _chain.Admission.Admit(_chain.Tx(sender: _chain.Outsider)).Rejection!.Code);

        // The dev organisation is the only admin, so its proposal carries (threshold 1 of 1) and executes at once.
        var outcome = _chain.Commit(Propose(new ProposalAction
        {
            AddKey = new AddKey { Organisation = "bob-dept", PublicKey = ByteString.CopyFrom(_chain.Outsider.PublicKey) },
        }));
        Assert.True(outcome.Block!.Receipts.Single().Success, outcome.Block.Receipts.Single().Message);

        Assert.True(_chain.Admission.Admit(_chain.Tx(sender: _chain.Outsider)).Accepted);
    }

    [Fact]
    public void A_revoked_key_is_refused_after_the_block_commits()
    {
        _chain.Commit(Propose(new ProposalAction
        {
            AddKey = new AddKey { Organisation = "bob-dept", PublicKey = ByteString.CopyFrom(_chain.Outsider.PublicKey) },
        }));
        _chain.Commit(Propose(new ProposalAction
        {
            RevokeKey = new RevokeKey { Organisation = "bob-dept", Address = ByteString.CopyFrom(_chain.Bob.Address.Bytes) },
        }));
        var refused = _chain.Admission.Admit(_chain.Tx(sender: _chain.Bob));
        Assert.Equal(ErrorCode.PermissionDenied, refused.Rejection!.Code);
    }

    [Fact]
    public void A_department_cannot_propose_governance_changes()
    {
        var refused = _chain.Admission.Admit(_chain.Tx(sender: _chain.Bob, type: "gov.propose",
            payload: new ProposeRequest { Action = new ProposalAction { SetAdminThreshold = new SetAdminThreshold { Threshold = 1 } } }.ToByteArray()));
        Assert.Equal(ErrorCode.PermissionDenied, refused.Rejection!.Code);
    }
}
