using TrustLedger.Contracts.Messages;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Contracts.Tests.Support;

public sealed record TxOutcome(Hash32 TxId, ErrorCode Code, string Message, ContractOutput? Output)
{
    public bool Success => Code == ErrorCode.None;

    /// <summary>The id of the object the transaction created (hex of the transaction id).</summary>
    public string CreatedId => Convert.ToHexStringLower(TxId.ToArray());

    public TxOutcome ShouldSucceed()
    {
        Xunit.Assert.True(Success, $"expected success, got {Code}: {Message}");
        return this;
    }

    public override string ToString() => Success ? $"ok {Output}" : $"{Code}: {Message}";
}
