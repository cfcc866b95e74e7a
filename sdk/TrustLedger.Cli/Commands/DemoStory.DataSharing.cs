using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using TrustLedger.Contracts.Messages;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Cli.Commands;

internal sealed partial class DemoStory
{
    // An illustrative record of department B's household register; no real person. It never goes on-chain.
    private const string RecordKey = "H-330402-4471";
    private const string Record = """{"household_id":"H-330402-4471","address":"Nanhu district, Jianguo Rd 12, unit 3","members":3}""";

    private string _grantId = "";

    /// <summary>让数据跑路而不是群众跑腿: department A gets department B's records under a grant, and every access leaves a receipt.</summary>
    private async Task DataSharingAsync()
    {
        var (police, civil) = (_cast.Police, _cast.Civil);
        Heading("2. Data sharing — 让数据跑路而不是群众跑腿 (let the data travel, not the residents)");
        var dataset = await civil.Client.DataSharing.RegisterDatasetAsync("household register", ["household_id", "address", "members", "residence_permit"],
            Sensitivity.Confidential, "Households and registered addresses of Nanhu district", cancellation);
        Say($"   {civil.Id} registers dataset \"household register\" (confidential)      id {DomainCli.Short(dataset.Id)}  block {dataset.Height}");

        var request = await police.Client.DataSharing.RequestAccessAsync(dataset.Id, ["household_id", "address", "members"],
            "verify the residence of a party to a public-order case", "Jiaxing municipal data-sharing agreement, art. 3", TimeSpan.FromDays(90), cancellation);
        _grantId = request.Id;
        Say($"   {police.Id} requests household_id, address, members for 90 days, stating purpose and legal basis   grant {DomainCli.Short(request.Id)}  block {request.Height}");

        var approval = await civil.Client.DataSharing.ApproveAsync(request.Id, ["household_id", "address"], TimeSpan.FromDays(30), maxUses: 5, cancellation);
        var grant = (await police.Client.DataSharing.GetGrantAsync(request.Id, cancellation))!;
        Say($"   {civil.Id} approves narrowed: [{string.Join(", ", grant.GrantedFields)}], 30 days (until {DomainCli.Time(grant.ExpiresAtMs)}), at most {grant.MaxUses} uses   block {approval.Height}");
        await RefusedAsync($"{police.Id} revoking a grant on a dataset it does not own", () => police.Client.DataSharing.RevokeAsync(request.Id, "not the owner", cancellation));

        var (receipt, verified) = await ExchangeRecordAsync(request.Id);
        Say($"   record served: access receipt #{receipt.Sequence} in block {receipt.Height}, content hash {DomainCli.Hex0x(receipt.ContentHash)[..18]}…");
        Say($"   {police.Id} checks the record against the committed receipt: {(verified ? "verified, the content hash matches" : "MISMATCH")}");
        if (!verified) throw new CliException("the record does not match its access receipt");

        _facts["dataSharing"] = new JsonObject
        {
            ["datasetId"] = dataset.Id, ["datasetBlock"] = dataset.Height, ["grantId"] = request.Id, ["requestBlock"] = request.Height,
            ["approvalBlock"] = approval.Height, ["grantedFields"] = new JsonArray([.. grant.GrantedFields.Select(f => (JsonNode)f)]),
            ["expiresAtMs"] = grant.ExpiresAtMs, ["maxUses"] = grant.MaxUses, ["accessBlock"] = receipt.Height, ["verified"] = verified,
        };
    }

    /// <summary>
    /// HOOK (off-chain record exchange, built on a teammate's branch): once the Records service is in, replace this body with the
    /// SDK's record fetch — department B's node checks the grant, commits <c>data.record_access</c> before it releases the record,
    /// and sends the record encrypted to department A's key; department A's SDK decrypts it and checks its hash against the
    /// committed receipt. Until then department B records the access receipt itself (salted record-key hash and content hash of
    /// the record above), and department A checks the record's hash against the receipt it reads back from the ledger.
    /// </summary>
    private async Task<(AccessReceipt Receipt, bool Verified)> ExchangeRecordAsync(string grantId)
    {
        var (police, civil) = (_cast.Police, _cast.Civil);
        var salt = RandomNumberGenerator.GetBytes(32); // department B's per-dataset secret: purges match across grants, outsiders cannot guess keys
        var recordKeyHash = civil.Client.Suite.Hash.Hash([.. salt, .. Encoding.UTF8.GetBytes(RecordKey)]).ToArray();
        var contentHash = civil.Client.Suite.Hash.Hash(Encoding.UTF8.GetBytes(Record)).ToArray();
        await civil.Client.DataSharing.RecordAccessAsync(grantId, recordKeyHash, contentHash, police.Key.Address, cancellation);

        var receipt = (await police.Client.DataSharing.GetAccessLogAsync(grantId, cancellation: cancellation))[^1];
        var received = Encoding.UTF8.GetBytes(Record); // what department A would hold after decryption
        var verified = police.Client.Suite.Hash.Hash(received).ToArray().AsSpan().SequenceEqual(receipt.ContentHash.Span)
            && new Address(receipt.Requester.Span) == police.Key.Address;
        return (receipt, verified);
    }
}
