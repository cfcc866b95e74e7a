using Google.Protobuf;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Membership;
using TrustLedger.Contracts.Messages;

namespace TrustLedger.Contracts.Governance;

public sealed partial class GovernanceContract
{
    public const int MaxKeysPerOrganisation = 16;
    public const int MaxValidators = 100;

    /// <summary>A validator set executed in block h signs from block h + 2 at the earliest (see <see cref="ValidateSetValidators"/>).</summary>
    public const ulong MinValidatorChangeDelay = 2;

    /// <summary>Checks an action against the current state; run at proposal time and again right before execution.</summary>
    private ContractResult? Validate(ProposalAction action, IStateStore state, ulong height) => action.ActionCase switch
    {
        ProposalAction.ActionOneofCase.AddOrganisation => ValidateAdd(action.AddOrganisation, state),
        ProposalAction.ActionOneofCase.RemoveOrganisation => ValidateRemove(action.RemoveOrganisation, state, height),
        ProposalAction.ActionOneofCase.AddKey => ValidateAddKey(action.AddKey, state),
        ProposalAction.ActionOneofCase.RevokeKey => ValidateRevokeKey(action.RevokeKey, state),
        ProposalAction.ActionOneofCase.RotateKey => ValidateRotateKey(action.RotateKey, state),
        ProposalAction.ActionOneofCase.SetRoles => ValidateSetRoles(action.SetRoles, state, height),
        ProposalAction.ActionOneofCase.SetValidators => ValidateSetValidators(action.SetValidators, state, height),
        ProposalAction.ActionOneofCase.SetAdminThreshold => ValidateThreshold(action.SetAdminThreshold, state),
        ProposalAction.ActionOneofCase.SetTlsCertificates => ValidateSetTlsCertificates(action.SetTlsCertificates, state),
        ProposalAction.ActionOneofCase.RevokeTlsCertificate => ValidateRevokeTlsCertificate(action.RevokeTlsCertificate, state),
        _ => ContractResult.Invalid("gov.propose needs an action"),
    };

    private ContractResult? ValidateAdd(AddOrganisation add, IStateStore state)
    {
        if (!Ids.IsOrganisationId(add.Id))
            return ContractResult.Invalid($"organisation id '{Text.Clip(add.Id)}' must be 1–64 letters, digits, '.', '_' or '-'");
        if (MembershipState.GetOrganisation(state, add.Id) is not null)
            return ContractResult.Exists($"organisation '{add.Id}' already exists (ids are never reused)");
        if (Text.Optional(add.Name, "name") is { } badName) return badName;
        if (CheckRoles(add.Roles) is { } badRoles) return badRoles;
        if (add.PublicKeys.Count == 0) return ContractResult.Invalid("a new organisation needs at least one key");
        if (add.PublicKeys.Count > MaxKeysPerOrganisation)
            return ContractResult.Invalid($"an organisation holds at most {MaxKeysPerOrganisation} keys");
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var key in add.PublicKeys)
        {
            if (CheckNewKey(key, state) is { } badKey) return badKey;
            if (!seen.Add(key.ToBase64())) return ContractResult.Invalid("a key is listed twice");
        }
        return null;
    }

    private static ContractResult? ValidateRemove(RemoveOrganisation remove, IStateStore state, ulong height)
    {
        if (ActiveOrganisation(state, remove.Id, out var org) is { } missing) return missing;
        if (MembershipState.IsValidatorFrom(state, org.Id, checked(height + 1)))
            return ContractResult.Precondition($"organisation '{org.Id}' runs a validator: change the validator set first");
        if (org.Roles.Contains(Roles.Admin) && MembershipState.AdminOrganisations(state).Count <= 1)
            return ContractResult.Precondition($"organisation '{org.Id}' is the last admin organisation");
        return null;
    }

    private ContractResult? ValidateAddKey(AddKey add, IStateStore state)
    {
        if (ActiveOrganisation(state, add.Organisation, out var org) is { } missing) return missing;
        if (org.Keys.Count(k => k.Status == KeyStatus.Active) >= MaxKeysPerOrganisation)
            return ContractResult.Precondition($"organisation '{org.Id}' already holds {MaxKeysPerOrganisation} keys");
        return CheckNewKey(add.PublicKey, state);
    }

    private static ContractResult? ValidateRevokeKey(RevokeKey revoke, IStateStore state)
    {
        if (ActiveOrganisation(state, revoke.Organisation, out var org) is { } missing) return missing;
        if (ActiveKey(org, revoke.Address) is { } notHeld) return notHeld;
        if (org.Keys.Count(k => k.Status == KeyStatus.Active) <= 1)
            return ContractResult.Precondition($"'{org.Id}' would have no key left: rotate the key or remove the organisation");
        return null;
    }

    private ContractResult? ValidateRotateKey(RotateKey rotate, IStateStore state)
    {
        if (ActiveOrganisation(state, rotate.Organisation, out var org) is { } missing) return missing;
        if (ActiveKey(org, rotate.OldAddress) is { } notHeld) return notHeld;
        return CheckNewKey(rotate.NewPublicKey, state);
    }

    private static ContractResult? ValidateSetRoles(SetRoles set, IStateStore state, ulong height)
    {
        if (ActiveOrganisation(state, set.Organisation, out var org) is { } missing) return missing;
        if (CheckRoles(set.Roles) is { } badRoles) return badRoles;
        if (org.Roles.Contains(Roles.Admin) && !set.Roles.Contains(Roles.Admin) && MembershipState.AdminOrganisations(state).Count <= 1)
            return ContractResult.Precondition($"organisation '{org.Id}' is the last admin organisation");
        if (!set.Roles.Contains(Roles.Validator) && MembershipState.IsValidatorFrom(state, org.Id, checked(height + 1)))
            return ContractResult.Precondition($"organisation '{org.Id}' runs a validator: change the validator set before dropping the role");
        return null;
    }

    private ContractResult? ValidateSetValidators(SetValidators set, IStateStore state, ulong height)
    {
        // The consensus core enters height h + 1 within the step that decides h, before the host has applied block h,
        // so the set of h + 1 must already be fixed by the state after h − 1: a change executed in block h may take
        // effect at h + 2 at the earliest (Tendermint's H + 2 delay for validator updates).
        var earliest = checked(height + MinValidatorChangeDelay);
        if (set.EffectiveHeight < earliest)
            return ContractResult.Invalid($"effective height {set.EffectiveHeight} is too soon: a validator set executed at height {height} takes effect from height {earliest} at the earliest");
        var last = MembershipState.Validators(state).Sets.LastOrDefault();
        if (last is not null && set.EffectiveHeight <= last.EffectiveHeight)
            return ContractResult.Precondition($"a validator set is already scheduled from height {last.EffectiveHeight}; choose a later height");
        if (set.Validators.Count == 0) return ContractResult.Invalid("the validator set cannot be empty");
        if (set.Validators.Count > MaxValidators) return ContractResult.Invalid($"at most {MaxValidators} validators");
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var v in set.Validators)
        {
            if (!MembershipState.HasRole(state, v.Organisation, Roles.Validator))
                return ContractResult.Precondition($"'{Text.Clip(v.Organisation)}' is not an active organisation holding the validator role");
            if (!suite.IsValidPublicKey(v.PublicKey.Span))
                return ContractResult.Invalid($"validator key of '{v.Organisation}' is not a valid {suite.Name} public key");
            if (!seen.Add(v.PublicKey.ToBase64())) return ContractResult.Invalid("a validator key is listed twice");
            if (Text.Optional(v.Endpoint, "endpoint", 256) is { } badEndpoint) return badEndpoint;
        }
        return null;
    }

    private static ContractResult? ValidateThreshold(SetAdminThreshold set, IStateStore state)
    {
        var admins = MembershipState.AdminOrganisations(state).Count;
        return set.Threshold > (uint)admins
            ? ContractResult.Invalid($"threshold {set.Threshold} exceeds the {admins} admin organisations (0 = majority)")
            : null;
    }

    private static ContractResult? CheckRoles(IEnumerable<string> roles)
    {
        var list = roles.ToList();
        if (list.Count == 0) return ContractResult.Invalid("an organisation needs at least one role");
        foreach (var role in list)
            if (!Roles.IsKnown(role))
                return ContractResult.Invalid($"unknown role '{Text.Clip(role)}' (known: {string.Join(", ", Roles.All)})");
        return list.Distinct(StringComparer.Ordinal).Count() == list.Count ? null : ContractResult.Invalid("a role is listed twice");
    }

    private ContractResult? CheckNewKey(ByteString publicKey, IStateStore state)
    {
        if (!suite.IsValidPublicKey(publicKey.Span))
            return ContractResult.Invalid($"not a valid {suite.Name} public key (65-byte uncompressed point expected)");
        var address = suite.AddressOf(publicKey.Span);
        if (MembershipState.KeyEverHeldBy(state, address.Bytes) is { } holder)
            return ContractResult.Exists($"key {address} was already registered to '{holder}' (keys are never reused)");
        return null;
    }

    private static ContractResult? ActiveOrganisation(IStateStore state, string id, out OrganisationRecord org)
    {
        org = MembershipState.GetOrganisation(state, id)!;
        if (org is null) return ContractResult.NotFound($"organisation '{Text.Clip(id)}' does not exist");
        return org.Status == OrganisationStatus.Active ? null : ContractResult.Precondition($"organisation '{id}' was removed");
    }

    private static ContractResult? ActiveKey(OrganisationRecord org, ByteString address) =>
        org.Keys.Any(k => k.Status == KeyStatus.Active && k.Address == address)
            ? null
            : ContractResult.NotFound($"organisation '{org.Id}' holds no active key {Convert.ToHexStringLower(address.Span)}");
}
