using TrustLedger.Contracts.Governance;
using TrustLedger.Sdk;

namespace TrustLedger.Cli.Commands;

/// <summary>
/// Where the demo plays, learnt from the ledger rather than assumed, and checked before it submits anything: the
/// organisation the key speaks for (<c>dev</c> on a dev node, <c>org1</c> on a tlnet network), and the node that serves
/// that organisation's records (a node serves only its own organisation's datasets).
/// </summary>
/// <param name="Organisation">The admin organisation of <c>--key</c>: it proposes, owns the dataset and approves the grant.</param>
/// <param name="Endpoint">The node the demo talks to (<c>--node</c>).</param>
/// <param name="RecordsEndpoint">The node of <paramref name="Organisation"/>: <paramref name="Endpoint"/> when it runs that
/// organisation, else the endpoint its validator has in the validator set.</param>
internal sealed record DemoStage(string Organisation, string Endpoint, string RecordsEndpoint)
{
    /// <exception cref="CliException">The key is no admin's, one approval does not execute a proposal, or no node of the key's organisation is known.</exception>
    public static async Task<DemoStage> ProbeAsync(TrustLedgerClient admin, string endpoint, CancellationToken cancellation)
    {
        var me = await admin.Governance.WhoAmIAsync(cancellation);
        var organisations = await admin.Governance.ListOrganisationsAsync(cancellation: cancellation);
        var admins = string.Join(", ", organisations.AdminOrganisations);
        if (me is null || !me.Roles.Contains(Roles.Admin))
            throw new CliException($"the demo signs governance proposals: --key must be a key of an admin organisation ({admins}); " +
                $"{admin.Signer!.Address} is {(me is null ? "no member" : $"in '{me.Organisation}', which is no admin")}");
        if (organisations.AdminThreshold > 1)
            throw new CliException($"a governance proposal on this network needs {organisations.AdminThreshold} approvals of its admins ({admins}), " +
                $"but the demo approves for '{me.Organisation}' alone. Run it where one approval executes a proposal: a dev node, " +
                "or a tlnet network with one admin organisation (`tlnet up --admins 1`, the default)");
        return new DemoStage(me.Organisation, endpoint, await RecordsEndpointAsync(admin, me.Organisation, endpoint, cancellation));
    }

    private static async Task<string> RecordsEndpointAsync(TrustLedgerClient admin, string organisation, string endpoint, CancellationToken cancellation)
    {
        if (admin.Node.Organisation == organisation) return endpoint;
        var schedule = await admin.Governance.GetValidatorScheduleAsync(cancellation);
        var own = schedule.Sets.Reverse().SelectMany(s => s.Validators).FirstOrDefault(v => v.Organisation == organisation && v.Endpoint.Length > 0);
        return own?.Endpoint ?? throw new CliException(
            $"the node at {endpoint} runs '{admin.Node.Organisation}', and only a node of '{organisation}' serves its records; " +
            $"run the demo with --node set to a node of '{organisation}'");
    }
}
