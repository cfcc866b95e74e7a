using TrustLedger.Contracts.Abstractions;
using TrustLedger.Protocol.Crypto;

namespace TrustLedger.Contracts.Anchors;

/// <summary>
/// <c>anchor.put</c>: records that a member published an opaque payload (a document hash, a signed
/// statement) at a block time. The payload stays in the transaction log; the receipt output is its
/// SHA-256 so a client can match it against its own copy without the payload.
/// </summary>
public sealed class AnchorContract : IContract
{
    public const string PutType = "anchor.put";

    public string Prefix => "anchor";

    public ContractResult Execute(TxContext tx, IStateStore state)
    {
        if (tx.Type != PutType)
            return ContractResult.Invalid($"unknown anchor action '{tx.Type}' (known: {PutType})");
        if (tx.Payload.Length == 0)
            return ContractResult.Invalid("anchor.put needs a non-empty payload");
        return ContractResult.Ok(DigestHashFunction.Sha256.Hash(tx.Payload).ToArray());
    }
}
