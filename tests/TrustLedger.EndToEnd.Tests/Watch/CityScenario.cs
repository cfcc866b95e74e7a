using Google.Protobuf;
using TrustLedger.Contracts.Messages;
using TrustLedger.Protocol.Primitives;
using TrustLedger.EndToEnd.Tests.Support;
using TrustLedger.Sdk;

namespace TrustLedger.EndToEnd.Tests.Watch;

/// <summary>
/// Domain steps against a dev node. The dev genesis has one organisation, <c>dev</c>, with every role (it is the
/// city hub, a community organisation and the only admin), so departments are added by a governance proposal that
/// executes at once.
/// </summary>
public sealed class CityScenario(NodeFixture fixture)
{
    public TrustLedgerClient Hub => fixture.Client;

    /// <summary>Adds a department organisation with a fresh key and returns a client signing for it.</summary>
    public async Task<(string Id, TrustLedgerClient Client)> AddDepartment(string name)
    {
        var id = $"{name}-{Guid.NewGuid():N}"[..24];
        var key = Hub.Suite.GenerateKey();
        var receipt = await Hub.SubmitAsync("gov.propose", new ProposeRequest
        {
            Description = $"add {name}",
            Action = new ProposalAction
            {
                AddOrganisation = new AddOrganisation { Id = id, Name = name, Roles = { "department" }, PublicKeys = { ByteString.CopyFrom(key.PublicKey) } },
            },
        }.ToByteArray());
        Ensure(receipt);
        return (id, await TrustLedgerClient.ConnectAsync(fixture.Node.Endpoint, key));
    }

    public async Task<string> ReportCase(string category = "road.damage") => Created(await Hub.SubmitAsync("case.report", new ReportCaseRequest
    {
        Category = category,
        LocationRef = "grid:330402-017-05",
        DescriptionHash = ByteString.CopyFrom(new byte[32]),
        Severity = Severity.High,
    }.ToByteArray()));

    public async Task<TxReceipt> HandOver(string caseId, string department) => Ensure(await Hub.SubmitAsync("case.hand_over", new HandOverCaseRequest
    {
        CaseId = caseId,
        Department = department,
        DeadlineMs = DateTimeOffset.UtcNow.AddDays(3).ToUnixTimeMilliseconds(),
        Note = "pothole reported by a grid worker",
    }.ToByteArray()));

    public static async Task<TxReceipt> Accept(TrustLedgerClient department, string caseId) =>
        Ensure(await department.SubmitAsync("case.accept", new AcceptCaseRequest { CaseId = caseId }.ToByteArray()));

    public async Task<TxReceipt> Award(Address resident, ulong amount) => Ensure(await Hub.SubmitAsync("points.award", new AwardPointsRequest
    {
        Resident = ByteString.CopyFrom(resident.Bytes),
        Amount = amount,
        ReasonCode = "volunteer.cleanup",
    }.ToByteArray()));

    /// <summary>The department asks dev for a dataset dev owns; returns the grant id (requested).</summary>
    public async Task<string> RequestGrant(TrustLedgerClient department)
    {
        var dataset = Created(await Hub.SubmitAsync("data.register_dataset", new RegisterDatasetRequest
        {
            Name = "household register",
            Fields = { "household_id", "address" },
            Sensitivity = Sensitivity.Confidential,
        }.ToByteArray()));
        return Created(await department.SubmitAsync("data.request", new RequestAccessRequest
        {
            DatasetId = dataset,
            Fields = { "household_id" },
            Purpose = "verify residence for a housing subsidy",
            LegalBasis = "municipal regulation 12/2024 art. 5",
            DurationMs = (long)TimeSpan.FromDays(30).TotalMilliseconds,
        }.ToByteArray()));
    }

    public async Task<TxReceipt> ApproveGrant(string grantId) => Ensure(await Hub.SubmitAsync("data.approve", new ApproveAccessRequest
    {
        GrantId = grantId,
        MaxUses = 10,
    }.ToByteArray()));

    private static string Created(TxReceipt receipt) => ContractOutput.Parser.ParseFrom(Ensure(receipt).Output).Id;

    private static TxReceipt Ensure(TxReceipt receipt) =>
        receipt.Success ? receipt : throw new InvalidOperationException($"transaction failed: {receipt}");
}
