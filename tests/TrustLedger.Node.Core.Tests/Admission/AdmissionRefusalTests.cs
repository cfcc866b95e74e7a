using TrustLedger.Node.Core.Tests.Support;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Ledger;
using Xunit;

namespace TrustLedger.Node.Core.Tests.Admission;

/// <summary>Invariant 1: unsigned, wrongly signed, replayed, expired or unauthorised transactions are refused with a code and a reason, and nothing enters the mempool.</summary>
public sealed class AdmissionRefusalTests
{
    private readonly TestChain _chain = new();

    private void AssertRefused(SignedTransaction tx, ErrorCode code, string reasonFragment)
    {
        var before = _chain.Pool.Count;
        var result = _chain.Admission.Admit(tx);
        Assert.False(result.Accepted);
        Assert.Equal(code, result.Rejection!.Code);
        Assert.Contains(reasonFragment, result.Rejection.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, _chain.Pool.Count);
    }

    [Fact]
    public void Valid_transaction_is_admitted()
    {
        var result = _chain.Admission.Admit(_chain.Tx());
        Assert.True(result.Accepted);
        Assert.Equal(1, _chain.Pool.Count);
    }

    [Fact]
    public void Wrong_chain_id_is_invalid_argument() =>
        AssertRefused(_chain.Tx(chainId: "other-chain"), ErrorCode.InvalidArgument, "wrong chain id");

    [Fact]
    public void Oversized_transaction_is_invalid_argument()
    {
        var chain = new TestChain(parameters: new ChainParameters { MaxTxBytes = 1024 });
        var result = chain.Admission.Admit(chain.Tx(payload: new byte[2000]));
        Assert.Equal(ErrorCode.InvalidArgument, result.Rejection!.Code);
        Assert.Contains("limit is 1024", result.Rejection.Reason);
    }

    [Fact]
    public void Missing_signature_is_unauthenticated()
    {
        var signed = _chain.Tx();
        AssertRefused(SignedTransaction.Create(signed.Body, [], _chain.Suite), ErrorCode.Unauthenticated, "not signed");
    }

    [Fact]
    public void Signature_by_another_key_is_unauthenticated()
    {
        var signed = _chain.Tx();
        var forged = _chain.Suite.Sign(_chain.Bob, signed.SigningBytes);
        AssertRefused(SignedTransaction.Create(signed.Body, forged, _chain.Suite), ErrorCode.Unauthenticated, "does not verify");
    }

    [Fact]
    public void Tampered_payload_is_unauthenticated()
    {
        var signed = _chain.Tx();
        var tampered = signed.Body with { Payload = "HELLO"u8.ToArray() };
        AssertRefused(SignedTransaction.Create(tampered, signed.Signature, _chain.Suite), ErrorCode.Unauthenticated, "does not verify");
    }

    [Fact]
    public void Unknown_sender_is_permission_denied() =>
        AssertRefused(_chain.Tx(sender: _chain.Outsider), ErrorCode.PermissionDenied, "not a key of any organisation");

    [Fact]
    public void Replayed_nonce_of_a_committed_transaction_is_already_exists()
    {
        var first = _chain.Tx(nonce: 42);
        _chain.Commit(first);
        AssertRefused(_chain.Tx(nonce: 42, payload: "different"u8.ToArray()), ErrorCode.AlreadyExists, "replay");
    }

    [Fact]
    public void Resubmitting_a_committed_transaction_is_idempotent_not_a_new_entry()
    {
        var tx = _chain.Tx();
        _chain.Commit(tx);
        var again = _chain.Admission.Admit(tx);
        Assert.True(again.Accepted);
        Assert.True(again.AlreadyKnown);
        Assert.Equal(0, _chain.Pool.Count);
    }

    [Fact]
    public void Nonce_reused_while_pending_is_already_exists()
    {
        Assert.True(_chain.Admission.Admit(_chain.Tx(nonce: 7)).Accepted);
        AssertRefused(_chain.Tx(nonce: 7, payload: "x"u8.ToArray()), ErrorCode.AlreadyExists, "pending");
    }

    [Fact]
    public void Expired_window_is_failed_precondition() =>
        AssertRefused(_chain.Tx(notBefore: TimeSpan.FromMinutes(-20), notAfter: TimeSpan.FromMinutes(-10)), ErrorCode.FailedPrecondition, "expired");

    [Fact]
    public void Not_yet_valid_window_is_failed_precondition() =>
        AssertRefused(_chain.Tx(notBefore: TimeSpan.FromMinutes(5), notAfter: TimeSpan.FromMinutes(10)), ErrorCode.FailedPrecondition, "not yet valid");

    [Fact]
    public void Window_longer_than_allowed_is_invalid_argument() =>
        AssertRefused(_chain.Tx(notAfter: TimeSpan.FromDays(3)), ErrorCode.InvalidArgument, "longer than");

    [Fact]
    public void Unknown_transaction_type_is_invalid_argument() =>
        AssertRefused(_chain.Tx(type: "nosuch.thing"), ErrorCode.InvalidArgument, "no contract");

    [Fact]
    public void Action_its_contract_refuses_is_refused_up_front_with_the_contract_reason() =>
        AssertRefused(_chain.Tx(payload: []), ErrorCode.InvalidArgument, "non-empty payload");

    [Fact]
    public void Malformed_type_is_invalid_argument() =>
        AssertRefused(_chain.Tx(type: "NoDot"), ErrorCode.InvalidArgument, "prefix.action");

    [Fact]
    public void Batch_admission_judges_each_transaction_alone()
    {
        var good = _chain.Tx();
        var bad = _chain.Tx(sender: _chain.Outsider);
        var results = _chain.Admission.AdmitBatch([good, bad]);
        Assert.True(results[0].Accepted);
        Assert.Equal(ErrorCode.PermissionDenied, results[1].Rejection!.Code);
        Assert.Equal(1, _chain.Pool.Count);
    }
}
