using System.Text;
using Google.Protobuf;
using TrustLedger.Contracts.Messages;
using TrustLedger.EndToEnd.Tests.Support;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Crypto.KeyFiles;
using TrustLedger.Protocol.Primitives;
using TrustLedger.Sdk;
using TrustLedger.Node.Storage.Records;
using Xunit;

namespace TrustLedger.EndToEnd.Tests.Records;

/// <summary>
/// A dev node whose organisation <c>dev</c> (every role, sole admin) owns a household dataset, plus two departments
/// added through governance with fresh keys: <c>civil-affairs</c> (the requester in most tests) and <c>tax-bureau</c>.
/// Records are written into the node's default record folder, <c>{data}/records</c>, encrypted with the node's own
/// data key and name secret (as the node writes them), so the tests can also check what the node stored.
/// </summary>
public abstract class RecordNetwork(string suite, IReadOnlyDictionary<string, string>? environment = null) : IAsyncLifetime
{
    public static readonly string[] DatasetFields = ["id", "head", "address", "members", "income"];

    public NodeProcess Node { get; private set; } = null!;

    /// <summary>The owner: organisation <c>dev</c>'s client key.</summary>
    public TrustLedgerClient Owner { get; private set; } = null!;
    public TrustLedgerClient Civil { get; private set; } = null!;
    public TrustLedgerClient Tax { get; private set; } = null!;
    public string DatasetId { get; private set; } = null!;
    public FolderRecordStore Records { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Node = await NodeProcess.StartNew(suite: suite, environment: environment);
        Owner = await TrustLedgerClient.ConnectAsync(Node.Endpoint, KeyFile.Load(Node.ClientKeyPath, NodeProcess.Password));
        Civil = await AddDepartment("civil-affairs", "Civil Affairs Bureau");
        Tax = await AddDepartment("tax-bureau", "Tax Bureau");
        DatasetId = await Submit(Owner, "data.register_dataset", new RegisterDatasetRequest
        {
            Name = "Household register",
            Description = "one record per household, keyed by household number",
            Fields = { DatasetFields },
            Sensitivity = Sensitivity.Confidential,
        });
        Records = new FolderRecordStore(Path.Combine(Node.DataDir, "records"), NodeCipher());
    }

    /// <summary>The node's at-rest cipher, from the data key and name secret it created on first start.</summary>
    public RecordCipher NodeCipher() => new(Owner.ChainId, suite,
        Convert.FromHexString(File.ReadAllText(Path.Combine(Node.DataDir, "records.key")).Trim()),
        Convert.FromHexString(File.ReadAllText(Path.Combine(Node.DataDir, "records.secret")).Trim()));

    /// <summary>A grant from <paramref name="requester"/> on the dataset, approved by the owner with the given terms.</summary>
    public async Task<string> Grant(TrustLedgerClient requester, string[] approvedFields, long durationMs = 86_400_000, ulong maxUses = 0)
    {
        var grantId = await Submit(requester, "data.request", new RequestAccessRequest
        {
            DatasetId = DatasetId,
            Fields = { DatasetFields },
            Purpose = "verify residence for a subsidy application",
            LegalBasis = "Regulation on social assistance, art. 12",
            DurationMs = 86_400_000,
        });
        await Submit(Owner, "data.approve", new ApproveAccessRequest { GrantId = grantId, Fields = { approvedFields }, DurationMs = durationMs, MaxUses = maxUses });
        return grantId;
    }

    public async Task Revoke(string grantId) =>
        await Submit(Owner, "data.revoke", new RevokeGrantRequest { GrantId = grantId, Reason = "purpose fulfilled" });

    public Task PutRecord(string key, string json) => Records.PutAsync(DatasetId, key, Encoding.UTF8.GetBytes(json)).AsTask();

    /// <summary>Every successful access receipt of a grant on the ledger, in commit order, found by reading every block.</summary>
    public async Task<List<(Hash32 TxId, RecordAccessRequest Payload, ulong Sequence)>> AccessReceipts(string grantId)
    {
        var found = new List<(Hash32, RecordAccessRequest, ulong)>();
        var head = (await Owner.GetStatusAsync()).Height;
        for (ulong height = 1; height <= head; height++)
        {
            var block = await Owner.GetBlockAsync(height);
            for (var i = 0; i < block.Transactions.Count; i++)
            {
                var tx = block.Transactions[i];
                if (tx.Body.Type != "data.record_access" || !block.Receipts[i].Success) continue;
                var payload = RecordAccessRequest.Parser.ParseFrom(tx.Body.Payload);
                if (payload.GrantId == grantId) found.Add((tx.Id, payload, ContractOutput.Parser.ParseFrom(block.Receipts[i].Output).Value));
            }
        }
        return found;
    }

    /// <summary>Submits a contract transaction, requires success, and returns the id of the object it created or changed.</summary>
    public static async Task<string> Submit(TrustLedgerClient client, string type, IMessage payload)
    {
        var receipt = await client.SubmitAsync(client.Sign(type, payload.ToByteArray()), TimeSpan.FromSeconds(30));
        Assert.True(receipt.Success, $"{type} failed: {receipt.Code} {receipt.Message}");
        return ContractOutput.Parser.ParseFrom(receipt.Output).Id;
    }

    private async Task<TrustLedgerClient> AddDepartment(string id, string name)
    {
        var key = CryptoSuites.Get(suite).GenerateKey();
        var proposal = new ProposeRequest
        {
            Action = new ProposalAction { AddOrganisation = new AddOrganisation { Id = id, Name = name, Roles = { "department" }, PublicKeys = { ByteString.CopyFrom(key.PublicKey) } } },
            Description = $"admit {name}",
        };
        var receipt = await Owner.SubmitAsync(Owner.Sign("gov.propose", proposal.ToByteArray()), TimeSpan.FromSeconds(30));
        Assert.True(receipt.Success, receipt.Message);
        Assert.Equal("executed", ContractOutput.Parser.ParseFrom(receipt.Output).Status);
        return await TrustLedgerClient.ConnectAsync(Node.Endpoint, key);
    }

    public async Task DisposeAsync()
    {
        Owner?.Dispose();
        Civil?.Dispose();
        Tax?.Dispose();
        if (Node is not null) await Node.DisposeAsync();
    }
}

public sealed class EthRecordNetwork() : RecordNetwork("eth");

public sealed class SmRecordNetwork() : RecordNetwork("sm");

/// <summary>A record network whose replay guard is small: 16 requests in all, 4 per organisation.</summary>
public sealed class SmallGuardRecordNetwork() : RecordNetwork("eth", new Dictionary<string, string>
{
    ["TL_Node__Records__ReplayGuardCapacity"] = SmallGuardRecordNetwork.Capacity.ToString(),
    ["TL_Node__Records__ReplayGuardPerOrganisation"] = SmallGuardRecordNetwork.Share.ToString(),
})
{
    public const int Capacity = 16;
    public const int Share = 4;
}
