using System.Text.Json.Nodes;
using TrustLedger.Contracts.Messages;
using TrustLedger.Sdk;
using TrustLedger.Sdk.Domain;
using TrustLedger.Sdk.Records;

namespace TrustLedger.Cli.Commands;

internal sealed partial class DemoStory
{
    // An illustrative record of the household register; no real person. It never goes on-chain.
    private const string RecordKey = "H-330402-4471";
    private const string Record = """{"household_id":"H-330402-4471","address":"Nanhu district, Jianguo Rd 12, unit 3","members":3,"residence_permit":"RP-2024-0815"}""";

    private string _grantId = "";
    private TrustLedgerClient? _recordsNode;

    /// <summary>
    /// 让数据跑路而不是群众跑腿: department A gets a record of the household register kept by the admin's organisation
    /// (e.g. <c>dev</c>, <c>org1</c>) under a grant; that organisation's node serves it off-chain and every access leaves
    /// a receipt on the ledger. Record calls go to <see cref="DemoStage.RecordsEndpoint"/>, as a node serves only its own
    /// organisation's datasets.
    /// </summary>
    private async Task DataSharingAsync()
    {
        var police = _cast.Police;
        var owner = $"{stage.Organisation} (the civil-affairs records office running {(stage.RecordsEndpoint == stage.Endpoint ? "this node" : $"the node at {stage.RecordsEndpoint}")})";
        Heading("2. Data sharing — 让数据跑路而不是群众跑腿 (let the data travel, not the residents)");
        var dataset = await admin.DataSharing.RegisterDatasetAsync("household register", ["household_id", "address", "members", "residence_permit"],
            Sensitivity.Confidential, "Households and registered addresses of Nanhu district", cancellation);
        Say($"   {owner} registers dataset \"household register\" (confidential)   id {DomainCli.Short(dataset.Id)}  block {dataset.Height}");
        await OnRecordsNodeAsync(dataset);
        var replaced = await Owner(() => admin.PutRecordAsync(stage.RecordsEndpoint, dataset.Id, RecordKey, Record, cancellation));
        Say($"   {stage.Organisation} stores household {RecordKey} in its node's off-chain record store{(replaced ? " (replacing a copy)" : "")}; nothing goes on-chain");

        var request = await police.Client.DataSharing.RequestAccessAsync(dataset.Id, ["household_id", "address", "members"],
            "verify the residence of a party to a public-order case", "Jiaxing municipal data-sharing agreement, art. 3", TimeSpan.FromDays(90), cancellation);
        _grantId = request.Id;
        Say($"   {police.Id} requests household_id, address, members for 90 days, stating purpose and legal basis   grant {DomainCli.Short(request.Id)}  block {request.Height}");

        var approval = await admin.DataSharing.ApproveAsync(request.Id, ["household_id", "address"], TimeSpan.FromDays(30), maxUses: 5, cancellation);
        await OnRecordsNodeAsync(approval);
        var grant = (await police.Client.DataSharing.GetGrantAsync(request.Id, cancellation))!;
        Say($"   {stage.Organisation} approves narrowed: [{string.Join(", ", grant.GrantedFields)}], 30 days (until {DomainCli.Time(grant.ExpiresAtMs)}), at most {grant.MaxUses} uses   block {approval.Height}");
        await RefusedAsync($"{police.Id} revoking a grant on a dataset it does not own", () => police.Client.DataSharing.RevokeAsync(request.Id, "not the owner", cancellation));

        var record = await ExchangeRecordAsync(dataset.Id, request.Id);
        var receipt = record.Receipt;
        Say($"   {stage.Organisation}'s node commits access receipt #{receipt.Sequence} (tx {DomainCli.Short(receipt.TxId.ToString())}) in block {receipt.Height}, then sends the record encrypted to {police.Id}'s key");
        Say($"   {police.Id} decrypts it and checks it against the committed receipt: verified, the content hash matches");
        Say($"   verified record: {record.Json}   (receipt tx {receipt.TxId}, height {receipt.Height})");

        _facts["dataSharing"] = new JsonObject
        {
            ["owner"] = stage.Organisation, ["ownerNode"] = stage.RecordsEndpoint, ["datasetId"] = dataset.Id, ["datasetBlock"] = dataset.Height, ["recordKey"] = RecordKey,
            ["grantId"] = request.Id, ["requestBlock"] = request.Height, ["approvalBlock"] = approval.Height,
            ["grantedFields"] = new JsonArray([.. grant.GrantedFields.Select(f => (JsonNode)f)]),
            ["expiresAtMs"] = grant.ExpiresAtMs, ["maxUses"] = grant.MaxUses,
            ["accessTxId"] = receipt.TxId.ToString(), ["accessBlock"] = receipt.Height, ["accessSequence"] = receipt.Sequence,
            ["record"] = JsonNode.Parse(record.Json), ["verified"] = true,
        };
    }

    /// <summary>
    /// The off-chain record exchange: the owner's node checks the grant, commits <c>data.record_access</c> before it releases
    /// the record narrowed to the granted fields, and seals it to department A's key; department A's SDK decrypts it and
    /// verifies it against the committed receipt (it throws rather than return an unverified record).
    /// </summary>
    private async Task<FetchedRecord> ExchangeRecordAsync(string datasetId, string grantId)
    {
        try
        {
            return await _cast.Police.Client.FetchRecordAsync(stage.RecordsEndpoint, grantId, datasetId, RecordKey, cancellation);
        }
        catch (RecordVerificationException e)
        {
            throw new CliException($"the record does not match its access receipt: {e.Message}");
        }
        catch (RecordRequestRefusedException e)
        {
            throw new CliException($"the node refused to serve the record: {e.Code}: {e.Reason}");
        }
    }

    /// <summary>
    /// Waits until the records node holds the transaction too: it judges record calls by its own committed state, and
    /// when it is not the node the demo talks to it may be a block behind.
    /// </summary>
    private async Task OnRecordsNodeAsync(ContractReceipt receipt)
    {
        if (stage.RecordsEndpoint == stage.Endpoint) return;
        if (_recordsNode is null)
        {
            _recordsNode = await TrustLedgerClient.ConnectAsync(stage.RecordsEndpoint, null, admin.Tls, cancellation);
            lock (_clients) _clients.Add(_recordsNode);
        }
        await _recordsNode.WaitForReceiptAsync(receipt.TxId, TimeSpan.FromSeconds(30), cancellation);
    }

    /// <summary>An owner-side record call; a refusal names why the demo cannot go on.</summary>
    private async Task<T> Owner<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RecordRequestRefusedException e)
        {
            throw new CliException($"the node at {stage.RecordsEndpoint} refused to store the demo record ({e.Code}: {e.Reason}); " +
                $"it must be a node of the demo key's organisation '{stage.Organisation}'");
        }
    }
}
