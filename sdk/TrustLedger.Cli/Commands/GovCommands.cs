using System.CommandLine;
using TrustLedger.Contracts.Messages;
using TrustLedger.Protocol.Primitives;
using TrustLedger.Sdk;
using static TrustLedger.Cli.Commands.DomainCli;

namespace TrustLedger.Cli.Commands;

/// <summary><c>tl gov …</c>: organisations, roles and keys by proposal (M of N admins), and membership queries.</summary>
internal static class GovCommands
{
    public static Command Build()
    {
        var id = Id("id", "Organisation id");
        var proposal = Id("proposal", "Proposal id");
        var name = Required("--name", "Organisation name");
        var roles = Required("--roles", "Roles, comma-separated: admin, auditor, community, department, grid, hub, store, validator");
        var publicKeys = new Option<string[]>("--public-key") { Description = "Public key in hex (repeatable; see `tl key show`)", AllowMultipleArgumentsPerToken = true };
        var memberKeys = new Option<string[]>("--member-key") { Description = "Keystore file whose public key to add (repeatable)", AllowMultipleArgumentsPerToken = true };
        var description = Text("--description", "Why, for the other admins and the audit trail");
        var reason = Required("--reason", "Reason");
        var address = Id("address", "Key address (0x…)");
        var threshold = new Argument<uint>("threshold") { Description = "Approvals a proposal needs (0 = majority of admins)" };
        var role = Text("--role", "Only organisations holding this role");
        var all = new Option<bool>("--all") { Description = "Include removed organisations / every proposal, not only open ones" };
        var caFiles = new Option<string[]>("--ca-file") { Description = "PEM file of a TLS CA certificate to pin (repeatable; none = unpin)", AllowMultipleArgumentsPerToken = true };
        var certFile = Text("--cert-file", "PEM file of the TLS certificate to revoke");
        var fingerprint = Text("--fingerprint", "SHA-256 of the certificate's DER, hex (instead of --cert-file)");

        byte[][] Keys(ParseResult p) =>
        [
            .. (p.GetValue(publicKeys) ?? []).Select(k => Hex.TryDecode(k, out var b) ? b : throw new CliException($"--public-key is not hex: '{k}'")),
            .. (p.GetValue(memberKeys) ?? []).Select(f => CommonOptions.LoadKey(f).PublicKey),
        ];

        return new Command("gov", "Governance: organisations, roles and keys change by proposal once M of N admins approved")
        {
            Query("orgs", "List organisations, the admins and the approvals a proposal needs", async (p, c, json, ct) =>
            {
                var list = await c.Governance.ListOrganisationsAsync(p.GetValue(role)!, p.GetValue(all), ct);
                Print(json, list, () =>
                {
                    Console.WriteLine($"admins: {string.Join(", ", list.AdminOrganisations)}; a proposal needs {list.AdminThreshold} approval(s)");
                    foreach (var o in list.Organisations)
                        Console.WriteLine($"  {o.Id,-24} {Name(o.Status),-8} {string.Join(",", o.Roles),-28} {o.Keys.Count(k => k.Status == KeyStatus.Active)} key(s)  {o.Name}");
                });
            }, role, all),
            Query("org", "Show an organisation with its roles and keys", async (p, c, json, ct) =>
            {
                var o = await c.Governance.GetOrganisationAsync(p.GetValue(id)!, ct) ?? throw new CliException($"organisation '{p.GetValue(id)}' does not exist");
                Print(json, o, () => PrintOrganisation(o));
            }, id),
            Signed("whoami", "Show the organisation and roles of the --key", async (p, c, json, ct) =>
            {
                var me = await c.Governance.WhoAmIAsync(ct) ?? throw new CliException($"{c.Signer!.Address} is not an active key of any organisation");
                Output.Print(json, [("address", me.Address), ("organisation", me.Organisation), ("roles", string.Join(", ", me.Roles))]);
            }),
            Action("add-org", "Propose a new organisation with roles and keys", (p, c, ct) =>
                c.Governance.AddOrganisationAsync(p.GetValue(id)!, p.GetValue(name)!, Csv(p.GetValue(roles)), Keys(p) is { Length: > 0 } k ? k : throw new CliException("give --public-key or --member-key"),
                    p.GetValue(description)!, ct), id, name, roles, publicKeys, memberKeys, description),
            Action("remove-org", "Propose removing an organisation (revokes its keys)", (p, c, ct) =>
                c.Governance.RemoveOrganisationAsync(p.GetValue(id)!, p.GetValue(description)!, ct), id, description),
            Action("set-roles", "Propose an organisation's complete new set of roles", (p, c, ct) =>
                c.Governance.SetRolesAsync(p.GetValue(id)!, Csv(p.GetValue(roles)), p.GetValue(description)!, ct), id, roles, description),
            Action("add-key", "Propose adding a key to an organisation", (p, c, ct) =>
                c.Governance.AddKeyAsync(p.GetValue(id)!, Keys(p) is [var k] ? k : throw new CliException("give exactly one --public-key or --member-key"), p.GetValue(description)!, ct),
                id, publicKeys, memberKeys, description),
            Action("revoke-key", "Propose revoking an organisation's key", (p, c, ct) =>
                c.Governance.RevokeKeyAsync(p.GetValue(id)!, DomainCli.Address(p.GetValue(address)!, "address"), p.GetValue(description)!, ct), id, address, description),
            Action("pin-tls", "Propose the complete list of TLS CA certificates an organisation pins (rotation: pin old and new, then new alone)", (p, c, ct) =>
                c.Governance.SetTlsCertificatesAsync(p.GetValue(id)!, (p.GetValue(caFiles) ?? []).SelectMany(PemCertificates).ToArray(), p.GetValue(description)!, ct),
                id, caFiles, description),
            Action("revoke-tls", "Propose refusing one TLS certificate of an organisation from the next block (never undone)", (p, c, ct) =>
                c.Governance.RevokeTlsCertificateAsync(p.GetValue(id)!, Fingerprint(p.GetValue(certFile)!, p.GetValue(fingerprint)!), p.GetValue(description)!, ct),
                id, certFile, fingerprint, description),
            Action("set-threshold", "Propose the number of admin approvals a proposal needs", (p, c, ct) =>
                c.Governance.SetAdminThresholdAsync(p.GetValue(threshold), p.GetValue(description)!, ct), threshold, description),
            Action("approve", "Approve an open proposal (executes it at the threshold)", (p, c, ct) => c.Governance.ApproveAsync(p.GetValue(proposal)!, ct), proposal),
            Action("reject", "Vote against an open proposal", (p, c, ct) => c.Governance.RejectAsync(p.GetValue(proposal)!, p.GetValue(reason)!, ct), proposal, reason),
            Action("withdraw", "Withdraw an open proposal of your organisation", (p, c, ct) => c.Governance.WithdrawAsync(p.GetValue(proposal)!, p.GetValue(description)!, ct), proposal, description),
            Query("proposals", "List open proposals (--all: every proposal)", async (p, c, json, ct) =>
                PrintList(json, await c.Governance.ListProposalsAsync(!p.GetValue(all), limit: 1000, cancellation: ct),
                    x => $"{x.Id}  {Name(x.Status),-9} {x.Votes.Count(v => v.Approve)} for / {x.Votes.Count(v => !v.Approve)} against  {Describe(x.Action)}  by {x.ProposerOrganisation}",
                    "no proposals"), all),
            Query("proposal", "Show a proposal and its votes", async (p, c, json, ct) =>
            {
                var x = await c.Governance.GetProposalAsync(p.GetValue(proposal)!, ct) ?? throw new CliException($"proposal {p.GetValue(proposal)} does not exist");
                Print(json, x, () =>
                {
                    Output.Print(false, [("id", x.Id), ("status", Name(x.Status)), ("action", Describe(x.Action)), ("description", x.Description),
                        ("proposer", x.ProposerOrganisation), ("created", $"block {x.CreatedHeight} at {Time(x.CreatedTimeMs)}"), ("deadline", Time(x.DeadlineMs))]);
                    foreach (var v in x.Votes) Console.WriteLine($"  {(v.Approve ? "for    " : "against")} {v.Organisation,-20} block {v.Height}  {v.Reason}");
                });
            }, proposal),
        };
    }

    private static IReadOnlyList<byte[]> PemCertificates(string path)
    {
        if (!File.Exists(path)) throw new CliException($"certificate file {path} not found");
        var certificates = Protocol.Tls.TlsCertificateFormat.DecodePem(File.ReadAllText(path));
        return certificates.Count > 0 ? certificates : throw new CliException($"{path} holds no PEM certificate");
    }

    private static byte[] Fingerprint(string certFile, string fingerprint) => (certFile, fingerprint) switch
    {
        ({ Length: > 0 }, { Length: > 0 }) => throw new CliException("give --cert-file or --fingerprint, not both"),
        ({ Length: > 0 }, _) => PemCertificates(certFile) is [var der] ? Protocol.Tls.TlsCertificateFormat.Fingerprint(der) : throw new CliException($"{certFile} must hold exactly one certificate"),
        (_, { Length: > 0 }) => Hex.TryDecode(fingerprint, out var bytes) && bytes.Length == 32 ? bytes : throw new CliException("--fingerprint must be 64 hex digits (SHA-256)"),
        _ => throw new CliException("give --cert-file or --fingerprint"),
    };

    private static void PrintOrganisation(OrganisationRecord o)
    {
        Output.Print(false, [("id", o.Id), ("name", o.Name), ("status", Name(o.Status)), ("roles", string.Join(", ", o.Roles)),
            ("added", $"block {o.AddedHeight}"), ("proposal", o.ProposalId.Length == 0 ? "genesis" : o.ProposalId)]);
        foreach (var k in o.Keys) Console.WriteLine($"  key {Hex0x(k.Address)}  {Name(k.Status)}");
        foreach (var ca in o.TlsCaCertificates) Console.WriteLine($"  TLS CA sha256:{Convert.ToHexStringLower(Protocol.Tls.TlsCertificateFormat.Fingerprint(ca.Span))}");
        foreach (var revoked in o.RevokedTlsCertificates) Console.WriteLine($"  revoked TLS certificate sha256:{Convert.ToHexStringLower(revoked.Span)}");
    }

    /// <summary>One line for a proposal's action.</summary>
    public static string Describe(ProposalAction action) => action.ActionCase switch
    {
        ProposalAction.ActionOneofCase.AddOrganisation => $"add organisation {action.AddOrganisation.Id} [{string.Join(",", action.AddOrganisation.Roles)}]",
        ProposalAction.ActionOneofCase.RemoveOrganisation => $"remove organisation {action.RemoveOrganisation.Id}",
        ProposalAction.ActionOneofCase.AddKey => $"add a key to {action.AddKey.Organisation}",
        ProposalAction.ActionOneofCase.RevokeKey => $"revoke key {Hex0x(action.RevokeKey.Address)} of {action.RevokeKey.Organisation}",
        ProposalAction.ActionOneofCase.RotateKey => $"rotate key {Hex0x(action.RotateKey.OldAddress)} of {action.RotateKey.Organisation}",
        ProposalAction.ActionOneofCase.SetRoles => $"set roles of {action.SetRoles.Organisation} to [{string.Join(",", action.SetRoles.Roles)}]",
        ProposalAction.ActionOneofCase.SetValidators => $"set {action.SetValidators.Validators.Count} validators from block {action.SetValidators.EffectiveHeight}",
        ProposalAction.ActionOneofCase.SetAdminThreshold => $"set the admin threshold to {action.SetAdminThreshold.Threshold}",
        ProposalAction.ActionOneofCase.SetTlsCertificates => $"pin {action.SetTlsCertificates.CaCertificates.Count} TLS CA certificate(s) for {action.SetTlsCertificates.Organisation}",
        ProposalAction.ActionOneofCase.RevokeTlsCertificate => $"revoke TLS certificate {Convert.ToHexStringLower(action.RevokeTlsCertificate.Fingerprint.Span)} of {action.RevokeTlsCertificate.Organisation}",
        _ => "no action",
    };
}
