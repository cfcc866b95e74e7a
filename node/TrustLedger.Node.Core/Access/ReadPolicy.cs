using TrustLedger.Contracts.Governance;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Core.Access;

/// <summary>
/// Who may read what — the one read policy of the node, pure over the caller's committed roles and the facts of the
/// entity asked for (docs/security.md has the table). Every refusal names the rule; an entity the caller may not see
/// is refused exactly as one that does not exist, so a refusal never tells whether it exists. Only callers who may
/// see every entity of a kind (auditors, and hubs for cases) learn that one does not exist (NOT_FOUND).
/// Public, and not asked here: status, block headers and commit certificates, log roots, consistency proofs,
/// the validator schedule.
/// </summary>
public static partial class ReadPolicy
{
    private const string NeedsIdentity =
        "this call needs an identity: a client certificate of a member organisation or a tl-caller credential signed by your key (the SDK and tl send one when given a key)";

    /// <summary>Membership-wide reads: organisations, proposals, datasets, statistics — every member organisation.</summary>
    public static ReadDecision Member(Reader reader, string what)
    {
        if (reader.IsAnonymous) return Unauthenticated;
        return reader.Organisation is null
            ? ReadDecision.Deny($"{what} is readable by member organisations; {reader.Describe} belongs to none")
            : ReadDecision.Allow;
    }

    /// <summary>The organisation and roles of a key: members, and any caller asking about its own key.</summary>
    public static ReadDecision MemberKey(Reader reader, Address key) =>
        reader.Key == key && !reader.IsAnonymous ? ReadDecision.Allow : Member(reader, "membership of keys");

    /// <summary>Raw blocks (every transaction's payload): validators and auditors.</summary>
    public static ReadDecision RawBlocks(Reader reader) =>
        AnyRole(reader, "raw blocks are readable by validators and auditors (headers and commit certificates are public)", Roles.Validator, Roles.Auditor);

    /// <summary>Raw state and its proofs: validators and auditors.</summary>
    public static ReadDecision RawState(Reader reader) =>
        AnyRole(reader, "raw state proofs are readable by validators and auditors", Roles.Validator, Roles.Auditor);

    /// <summary>
    /// A committed transaction (payload, receipt, inclusion proof): validators, auditors, its sender's organisation and
    /// key, and the organisations it concerns (a grantee reads the access receipts of its grant).
    /// </summary>
    public static ReadDecision Transaction(Reader reader, string txId, TxParties? tx)
    {
        if (reader.IsAnonymous) return Unauthenticated;
        if (reader.Has(Roles.Validator) || reader.Has(Roles.Auditor))
            return tx is null ? ReadDecision.Missing($"transaction {txId} is not committed") : ReadDecision.Allow;
        if (tx is not null && (reader.Key == tx.Sender || (tx.SenderOrganisation is { } org && reader.Is(org)) || tx.Concerned.Any(reader.Is)))
            return ReadDecision.Allow;
        return ReadDecision.Deny($"transaction {txId} is not committed or not visible to {reader.Describe} (transactions are readable by their sender's organisation, the organisations they concern, validators and auditors)");
    }

    private static ReadDecision Unauthenticated => new(ReadVerdict.Unauthenticated, NeedsIdentity);

    private static ReadDecision AnyRole(Reader reader, string rule, params string[] roles)
    {
        if (reader.IsAnonymous) return Unauthenticated;
        return roles.Any(reader.Has) ? ReadDecision.Allow : ReadDecision.Deny($"{rule}; {reader.Describe} holds none of {string.Join(", ", roles)}");
    }

    /// <summary>The answer for one entity: allowed if <paramref name="sees"/>; if it does not exist, NOT_FOUND only to those who see every such entity.</summary>
    private static ReadDecision Entity(Reader reader, bool exists, bool seesAll, bool sees, string missing, string hidden)
    {
        if (reader.IsAnonymous) return Unauthenticated;
        if (seesAll) return exists ? ReadDecision.Allow : ReadDecision.Missing(missing);
        return exists && sees ? ReadDecision.Allow : ReadDecision.Deny(hidden);
    }
}
