using Grpc.Core;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Sdk;

/// <summary>One transaction's result in a batch: admitted (and committed, if waited for) or refused.</summary>
public sealed record SubmitOutcome(Hash32 TxId, StatusCode Code, string Message, TxReceipt? Receipt)
{
    public bool Accepted => Code == StatusCode.OK;
}
