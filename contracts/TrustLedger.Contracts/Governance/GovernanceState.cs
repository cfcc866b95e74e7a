using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Messages;

namespace TrustLedger.Contracts.Governance;

/// <summary>
/// Proposal state: <c>g/prop/{id}</c> → <see cref="Proposal"/>, <c>g/open</c> = set of open proposal ids,
/// <c>g/all</c> = list of every proposal id in creation order. Membership itself lives under <c>m/</c>.
/// </summary>
public static class GovernanceState
{
    public static readonly StateSet Open = new("g/open");
    public static readonly StateList All = new("g/all");

    public static string ProposalPath(string id) => "g/prop/" + id;

    public static Proposal? GetProposal(IStateStore state, string id) =>
        Ids.Normalise(id) is { } normalised ? ProtoState.Get(state, ProposalPath(normalised), Proposal.Parser) : null;

    internal static void PutProposal(IStateStore state, Proposal proposal) => ProtoState.Put(state, ProposalPath(proposal.Id), proposal);

    /// <summary>The status as of <paramref name="blockTimeMs"/>: an open proposal past its deadline reads as expired.</summary>
    public static ProposalStatus EffectiveStatus(Proposal proposal, long blockTimeMs) =>
        proposal.Status == ProposalStatus.Open && blockTimeMs > proposal.DeadlineMs ? ProposalStatus.Expired : proposal.Status;

    /// <summary>Proposals still open for votes at <paramref name="blockTimeMs"/>, sorted by id.</summary>
    public static IReadOnlyList<Proposal> OpenProposals(IStateStore state, long blockTimeMs) =>
        [.. Open.Members(state)
            .Select(id => GetProposal(state, id)!)
            .Where(p => EffectiveStatus(p, blockTimeMs) == ProposalStatus.Open)];

    /// <summary>Every proposal in creation order, from position <paramref name="from"/> (1-based).</summary>
    public static IReadOnlyList<Proposal> Proposals(IStateStore state, ulong from = 1, int limit = 100) =>
        [.. All.Read(state, IndexEntry.Parser, from, limit).Select(e => GetProposal(state, e.Id)!)];

    public static string StatusName(ProposalStatus status) => status switch
    {
        ProposalStatus.Open => "open",
        ProposalStatus.Executed => "executed",
        ProposalStatus.Rejected => "rejected",
        ProposalStatus.Withdrawn => "withdrawn",
        ProposalStatus.Expired => "expired",
        _ => "unspecified",
    };
}
