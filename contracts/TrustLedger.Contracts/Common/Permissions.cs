using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Membership;

namespace TrustLedger.Contracts.Common;

/// <summary>Role checks against governance state (never against anything the sender claims).</summary>
public static class Permissions
{
    /// <summary>Null when the sender's organisation holds one of <paramref name="roles"/>; otherwise PermissionDenied.</summary>
    public static ContractResult? RequireAny(TxContext tx, IStateStore state, params string[] roles)
    {
        var held = MembershipState.RolesOf(state, tx.SenderOrganisation);
        foreach (var role in roles)
            if (held.Contains(role, StringComparer.Ordinal)) return null;
        var holds = held.Count == 0 ? "none" : string.Join(", ", held);
        return ContractResult.Denied(
            $"{tx.Type} needs role {string.Join(" or ", roles)}; organisation '{tx.SenderOrganisation}' holds {holds}");
    }
}
