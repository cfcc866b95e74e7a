using Google.Protobuf;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Membership;
using TrustLedger.Contracts.Messages;

namespace TrustLedger.Contracts.Governance;

public sealed partial class GovernanceContract
{
    /// <summary>Applies a validated action. Keys are added to and removed from <c>m/key/</c> with the record.</summary>
    private void Apply(Proposal proposal, IStateStore state, ulong height)
    {
        var action = proposal.Action;
        switch (action.ActionCase)
        {
            case ProposalAction.ActionOneofCase.AddOrganisation:
                var add = action.AddOrganisation;
                var record = new OrganisationRecord
                {
                    Id = add.Id,
                    Name = add.Name,
                    Status = OrganisationStatus.Active,
                    AddedHeight = height,
                    ProposalId = proposal.Id,
                };
                record.Roles.AddRange(add.Roles.Order(StringComparer.Ordinal));
                foreach (var key in add.PublicKeys) AddKeyTo(record, key, state, height);
                MembershipState.PutOrganisation(state, record);
                MembershipState.AddToIndex(state, add.Id);
                break;
            case ProposalAction.ActionOneofCase.RemoveOrganisation:
                Change(state, action.RemoveOrganisation.Id, proposal, org =>
                {
                    foreach (var key in org.Keys.Where(k => k.Status == KeyStatus.Active)) RevokeKeyOf(key, state, height);
                    org.Status = OrganisationStatus.Removed;
                    org.RemovedHeight = height;
                });
                break;
            case ProposalAction.ActionOneofCase.AddKey:
                Change(state, action.AddKey.Organisation, proposal, org => AddKeyTo(org, action.AddKey.PublicKey, state, height));
                break;
            case ProposalAction.ActionOneofCase.RevokeKey:
                Change(state, action.RevokeKey.Organisation, proposal,
                    org => RevokeKeyOf(org.Keys.Single(k => k.Status == KeyStatus.Active && k.Address == action.RevokeKey.Address), state, height));
                break;
            case ProposalAction.ActionOneofCase.RotateKey:
                var rotate = action.RotateKey;
                Change(state, rotate.Organisation, proposal, org =>
                {
                    RevokeKeyOf(org.Keys.Single(k => k.Status == KeyStatus.Active && k.Address == rotate.OldAddress), state, height);
                    AddKeyTo(org, rotate.NewPublicKey, state, height);
                });
                break;
            case ProposalAction.ActionOneofCase.SetRoles:
                Change(state, action.SetRoles.Organisation, proposal, org =>
                {
                    org.Roles.Clear();
                    org.Roles.AddRange(action.SetRoles.Roles.Order(StringComparer.Ordinal));
                });
                break;
            case ProposalAction.ActionOneofCase.SetValidators:
                var schedule = MembershipState.Validators(state);
                var set = new ValidatorSet { EffectiveHeight = action.SetValidators.EffectiveHeight, ProposalId = proposal.Id };
                set.Validators.AddRange(action.SetValidators.Validators);
                schedule.Sets.Add(set);
                MembershipState.PutValidators(state, schedule);
                break;
            case ProposalAction.ActionOneofCase.SetAdminThreshold:
                var config = MembershipState.Config(state);
                config.AdminThreshold = action.SetAdminThreshold.Threshold;
                MembershipState.PutConfig(state, config);
                break;
            case ProposalAction.ActionOneofCase.SetTlsCertificates:
                Change(state, action.SetTlsCertificates.Organisation, proposal, org =>
                {
                    org.TlsCaCertificates.Clear();
                    org.TlsCaCertificates.AddRange(action.SetTlsCertificates.CaCertificates);
                });
                break;
            case ProposalAction.ActionOneofCase.RevokeTlsCertificate:
                Change(state, action.RevokeTlsCertificate.Organisation, proposal,
                    org => org.RevokedTlsCertificates.Add(action.RevokeTlsCertificate.Fingerprint));
                break;
            default:
                throw new InvalidOperationException($"unvalidated action {action.ActionCase}");
        }
    }

    private static void Change(IStateStore state, string organisationId, Proposal proposal, Action<OrganisationRecord> change)
    {
        var org = MembershipState.GetOrganisation(state, organisationId)!;
        change(org);
        org.ProposalId = proposal.Id;
        MembershipState.PutOrganisation(state, org);
    }

    private void AddKeyTo(OrganisationRecord org, ByteString publicKey, IStateStore state, ulong height)
    {
        var address = suite.AddressOf(publicKey.Span);
        org.Keys.Add(new MemberKey
        {
            PublicKey = publicKey,
            Address = ByteString.CopyFrom(address.Bytes),
            Status = KeyStatus.Active,
            AddedHeight = height,
        });
        MembershipState.PutKey(state, address.Bytes, org.Id);
    }

    private static void RevokeKeyOf(MemberKey key, IStateStore state, ulong height)
    {
        key.Status = KeyStatus.Revoked;
        key.RevokedHeight = height;
        MembershipState.RemoveKey(state, key.Address.Span);
    }
}
