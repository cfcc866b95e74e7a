using Google.Protobuf;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Messages;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Contracts.Grants;

public sealed partial class DataSharingContract
{
    /// <summary>The receipt of one record served under a grant; counts one use. The owner submits it before serving.</summary>
    private static ContractResult RecordAccess(TxContext tx, IStateStore state)
    {
        if (Permissions.RequireAny(tx, state, Roles.Department) is { } denied) return denied;
        if (!Payload.TryParse(tx, RecordAccessRequest.Parser, out var request, out var malformed)) return malformed;
        if (Text.Hash(request.RecordKeyHash, "record_key_hash") is { } badKey) return badKey;
        if (Text.Hash(request.ContentHash, "content_hash") is { } badContent) return badContent;
        if (request.Requester.Length != Address.Length)
            return ContractResult.Invalid($"requester must be a {Address.Length}-byte address, got {request.Requester.Length} bytes");
        if (OwnedGrant(tx, state, request.GrantId, out var grant) is { } refused) return refused;
        var requester = new Address(request.Requester.Span);
        if (DataSharingQueries.CheckAccess(state, grant, requester, request.RecordKeyHash.Span, tx.Height, tx.BlockTimeMs) is { } blocked)
            return blocked;

        grant.Uses = checked(grant.Uses + 1);
        DataSharingState.Put(state, grant);
        var receipt = new AccessReceipt
        {
            GrantId = grant.Id,
            Sequence = grant.Uses,
            RecordKeyHash = request.RecordKeyHash,
            ContentHash = request.ContentHash,
            Requester = request.Requester,
            RequesterOrganisation = grant.RequesterOrganisation,
            ServedBy = ByteString.CopyFrom(tx.Sender.Bytes),
            TxId = Ids.FromTx(tx),
            Height = tx.Height,
            BlockTimeMs = tx.BlockTimeMs,
        };
        DataSharingState.AccessLog(grant.Id).Append(state, receipt);
        return Output.Ok(grant.Id, "recorded", grant.Uses);
    }
}
