using Grpc.Core;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Membership;
using TrustLedger.Contracts.Messages;
using TrustLedger.Node.Core.Access;
using TrustLedger.Node.Security;
using TrustLedger.Proto.Api.V1;

namespace TrustLedger.Node.Services;

public sealed partial class QueryService
{
    public override Task<OrganisationRecord> GetOrganisation(GetOrganisationRequest request, ServerCallContext context) =>
        ReadAsMember(context, "an organisation", state => QueryArguments.Organisation(state, request.Id, "id"));

    public override Task<OrganisationList> ListOrganisations(ListOrganisationsRequest request, ServerCallContext context)
    {
        if (request.Role.Length > 0 && !Roles.IsKnown(request.Role))
            throw RpcErrors.Invalid($"role must be one of {string.Join(", ", Roles.All)}, got '{Text.Clip(request.Role)}'");
        return ReadAsMember(context, "the list of organisations", state =>
        {
            var list = new OrganisationList
            {
                AdminThreshold = (uint)MembershipState.AdminThreshold(state),
                DefaultVotingPeriodMs = MembershipState.Config(state).DefaultVotingPeriodMs,
            };
            list.AdminOrganisations.AddRange(MembershipState.AdminOrganisations(state));
            foreach (var id in MembershipState.OrganisationIds(state))
            {
                var org = MembershipState.GetOrganisation(state, id)!;
                if (org.Status != OrganisationStatus.Active && (!request.IncludeRemoved || request.Role.Length > 0)) continue;
                if (request.Role.Length > 0 && !org.Roles.Contains(request.Role)) continue;
                list.Organisations.Add(org);
            }
            return list;
        });
    }

    public override Task<MemberInfo> GetMember(GetMemberRequest request, ServerCallContext context)
    {
        var address = QueryArguments.Address(request.Address, "address");
        return Read(context, (state, reader) =>
        {
            ReadAccess.Enforce(ReadPolicy.MemberKey(reader, address));
            var organisation = MembershipState.OrganisationOf(state, address)
                ?? throw NotFound($"{address} is not an active key of any organisation");
            var member = new MemberInfo { Address = address.ToString(), Organisation = organisation };
            member.Roles.AddRange(MembershipState.RolesOf(state, organisation));
            return member;
        });
    }

    public override Task<ProposalPage> ListProposals(ListProposalsRequest request, ServerCallContext context)
    {
        var (from, limit) = QueryArguments.Page(request.From, request.Limit);
        var now = NowMs;
        return ReadAsMember(context, "governance proposals", state =>
        {
            var page = new ProposalPage();
            if (request.OpenOnly)
            {
                page.Proposals.AddRange(GovernanceState.OpenProposals(state, now));
                page.Total = (ulong)page.Proposals.Count;
                return page;
            }
            page.Proposals.AddRange(GovernanceState.Proposals(state, from, limit).Select(p => Effective(p, now)));
            page.Total = GovernanceState.All.Count(state);
            page.Next = QueryArguments.Next(from, page.Proposals.Count, page.Total);
            return page;
        });
    }

    public override Task<Proposal> GetProposal(GetProposalRequest request, ServerCallContext context)
    {
        var id = QueryArguments.ObjectId(request.Id, "id");
        var now = NowMs;
        return ReadAsMember(context, "a governance proposal", state => GovernanceState.GetProposal(state, id) is { } p ? Effective(p, now) : throw NotFound($"proposal {id} does not exist"));
    }

    // Public, like headers and commit certificates: a light client needs the validator sets to check certificates.
    public override Task<ValidatorSchedule> GetValidatorSchedule(GetValidatorScheduleRequest request, ServerCallContext context) =>
        Read(MembershipState.Validators);

    /// <summary>The proposal as a vote now would see it: an open one past its deadline reads as expired.</summary>
    private static Proposal Effective(Proposal proposal, long nowMs)
    {
        var status = GovernanceState.EffectiveStatus(proposal, nowMs);
        if (status == proposal.Status) return proposal;
        var copy = proposal.Clone();
        copy.Status = status;
        return copy;
    }
}
