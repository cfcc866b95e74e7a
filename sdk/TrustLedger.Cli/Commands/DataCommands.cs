using System.CommandLine;
using TrustLedger.Contracts.Messages;
using static TrustLedger.Cli.Commands.DomainCli;

namespace TrustLedger.Cli.Commands;

/// <summary><c>tl data …</c>: datasets, access requests, grants (approve narrowed, deny, revoke) and access receipts.</summary>
internal static class DataCommands
{
    public static Command Build()
    {
        var dataset = Id("dataset", "Dataset id");
        var grant = Id("grant", "Grant id (the request's id)");
        var organisation = Id("organisation", "Organisation id");
        var name = Required("--name", "Dataset name");
        var fields = Required("--fields", "Fields, comma-separated");
        var narrowed = Text("--fields", "Grant only these of the requested fields, comma-separated (default: all requested)");
        var sensitivity = new Option<string>("--sensitivity") { Description = "public, internal, confidential or restricted", DefaultValueFactory = _ => "internal" };
        sensitivity.AcceptOnlyFromAmong("public", "internal", "confidential", "restricted");
        var description = Text("--description", "What the dataset holds");
        var purpose = Required("--purpose", "What the records are for");
        var legalBasis = Required("--legal-basis", "The regulation or agreement that allows it");
        var duration = Required("--duration", "How long access is wanted, e.g. 30d");
        var shorter = Text("--duration", "Grant a shorter duration than requested, e.g. 7d");
        var maxUses = new Option<ulong>("--max-uses") { Description = "Cap on records served (0 = unlimited)" };
        var reason = Required("--reason", "Reason");
        var requester = Required("--requester", "Address of the grantee's key the record is encrypted to");
        var recordKeyHash = Required("--record-key-hash", "Salted hash of the record key (32 bytes hex)");
        var contentHash = Required("--content-hash", "Hash of the plaintext record (32 bytes hex)");
        var ofDataset = Text("--dataset", "Grants of this dataset");
        var ofRequester = Text("--by", "Requests this organisation made");

        return new Command("data", "Data sharing: datasets, access requests, grants and access receipts")
        {
            Action("register", "Register a dataset your department owns", (p, c, ct) =>
                c.DataSharing.RegisterDatasetAsync(p.GetValue(name)!, Csv(p.GetValue(fields)), Enum.Parse<Sensitivity>(p.GetValue(sensitivity)!, ignoreCase: true),
                    p.GetValue(description)!, ct), name, fields, sensitivity, description),
            Action("retire", "Retire an own dataset (no new requests; grants run on)", (p, c, ct) =>
                c.DataSharing.RetireDatasetAsync(p.GetValue(dataset)!, p.GetValue(reason)!, ct), dataset, reason),
            Action("request", "Request access to another department's dataset", (p, c, ct) =>
                c.DataSharing.RequestAccessAsync(p.GetValue(dataset)!, Csv(p.GetValue(fields)), p.GetValue(purpose)!, p.GetValue(legalBasis)!,
                    Duration(p.GetValue(duration)!, "--duration"), ct), dataset, fields, purpose, legalBasis, duration),
            Action("approve", "Approve a request for an own dataset, optionally narrowed", (p, c, ct) =>
                c.DataSharing.ApproveAsync(p.GetValue(grant)!, Csv(p.GetValue(narrowed)) is { Length: > 0 } f ? f : null,
                    p.GetValue(shorter) is { Length: > 0 } d ? Duration(d, "--duration") : null, p.GetValue(maxUses), ct), grant, narrowed, shorter, maxUses),
            Action("deny", "Deny a request for an own dataset", (p, c, ct) => c.DataSharing.DenyAsync(p.GetValue(grant)!, p.GetValue(reason)!, ct), grant, reason),
            Action("revoke", "Revoke a grant of an own dataset (from the next block)", (p, c, ct) => c.DataSharing.RevokeAsync(p.GetValue(grant)!, p.GetValue(reason)!, ct), grant, reason),
            Action("withdraw", "Withdraw an own pending request", (p, c, ct) => c.DataSharing.WithdrawAsync(p.GetValue(grant)!, p.GetValue(reason)!, ct), grant, reason),
            Action("record-access", "Record the receipt of one record served under a grant (owner)", (p, c, ct) =>
                c.DataSharing.RecordAccessAsync(p.GetValue(grant)!, Hash(p.GetValue(recordKeyHash)!, "--record-key-hash"), Hash(p.GetValue(contentHash)!, "--content-hash"),
                    DomainCli.Address(p.GetValue(requester)!, "--requester"), ct), grant, requester, recordKeyHash, contentHash),
            Query("dataset", "Show a dataset", async (p, c, json, ct) =>
            {
                var d = await c.DataSharing.GetDatasetAsync(p.GetValue(dataset)!, ct) ?? throw new CliException($"dataset {p.GetValue(dataset)} does not exist");
                Print(json, d, () => Output.Print(false, [("id", d.Id), ("name", d.Name), ("owner", d.OwnerOrganisation), ("fields", string.Join(", ", d.Fields)),
                    ("sensitivity", Name(d.Sensitivity)), ("status", Name(d.Status)), ("registered", $"block {d.RegisteredHeight} at {Time(d.RegisteredTimeMs)}"),
                    ("purged records", d.PurgedRecords), ("description", d.Description)]));
            }, dataset),
            Query("datasets", "List the datasets an organisation owns", async (p, c, json, ct) =>
                PrintList(json, await c.DataSharing.ListDatasetsAsync(p.GetValue(organisation)!, ct),
                    d => $"{d.Id}  {Name(d.Status),-7} {Name(d.Sensitivity),-12} {d.Name} [{string.Join(",", d.Fields)}]", "no datasets"), organisation),
            Query("grant", "Show a grant (request, decision, expiry, uses)", async (p, c, json, ct) =>
            {
                var g = await c.DataSharing.GetGrantAsync(p.GetValue(grant)!, ct) ?? throw new CliException($"grant {p.GetValue(grant)} does not exist");
                Print(json, g, () => PrintGrant(g));
            }, grant),
            Query("grants", "List grants of a dataset (--dataset) or requests of an organisation (--by)", async (p, c, json, ct) =>
            {
                var grants = p.GetValue(ofDataset) is { Length: > 0 } d ? await c.DataSharing.ListDatasetGrantsAsync(d, limit: 1000, cancellation: ct)
                    : p.GetValue(ofRequester) is { Length: > 0 } by ? await c.DataSharing.ListGrantsRequestedByAsync(by, limit: 1000, cancellation: ct)
                    : throw new CliException("give --dataset or --by");
                PrintList(json, grants, GrantLine, "no grants");
            }, ofDataset, ofRequester),
            Query("access-log", "List a grant's access receipts", async (p, c, json, ct) =>
                PrintList(json, await c.DataSharing.GetAccessLogAsync(p.GetValue(grant)!, limit: 1000, cancellation: ct),
                    r => $"#{r.Sequence,-4} block {r.Height,-6} {Time(r.BlockTimeMs)}  to {Hex0x(r.Requester)} ({r.RequesterOrganisation})  content {Hex0x(r.ContentHash)}",
                    "no records served"), grant),
            Query("outstanding", "List an organisation's requests awaiting the owner's decision", async (p, c, json, ct) =>
                PrintList(json, await c.DataSharing.ListOutstandingRequestsAsync(p.GetValue(organisation)!, ct), GrantLine, "no outstanding requests"), organisation),
            Query("awaiting", "List requests for an owner's datasets awaiting its decision", async (p, c, json, ct) =>
                PrintList(json, await c.DataSharing.ListRequestsAwaitingDecisionAsync(p.GetValue(organisation)!, ct), GrantLine, "no requests awaiting a decision"), organisation),
        };
    }

    private static string GrantLine(Grant g) =>
        $"{g.Id}  {Name(g.Status),-9} {g.RequesterOrganisation} → {g.OwnerOrganisation}  [{string.Join(",", g.GrantedFields.Count > 0 ? g.GrantedFields : g.RequestedFields)}]  {g.Purpose}";

    private static void PrintGrant(Grant g) => Output.Print(false,
    [
        ("id", g.Id),
        ("status", Name(g.Status)),
        ("dataset", g.DatasetId),
        ("owner", g.OwnerOrganisation),
        ("requester", g.RequesterOrganisation),
        ("purpose", g.Purpose),
        ("legal basis", g.LegalBasis),
        ("requested", $"[{string.Join(", ", g.RequestedFields)}] for {TimeSpan.FromMilliseconds(g.RequestedDurationMs).TotalDays:0.##} days, block {g.RequestedHeight}"),
        ("granted", g.DecidedHeight == 0 ? "-" : $"[{string.Join(", ", g.GrantedFields)}], block {g.DecidedHeight}"),
        ("expires", Time(g.ExpiresAtMs)),
        ("uses", g.MaxUses == 0 ? $"{g.Uses} (unlimited)" : $"{g.Uses} of {g.MaxUses}"),
        ("reason", g.Reason.Length == 0 ? "-" : g.Reason),
    ]);
}
