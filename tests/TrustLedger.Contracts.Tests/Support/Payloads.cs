using Google.Protobuf;
using TrustLedger.Contracts.Messages;

namespace TrustLedger.Contracts.Tests.Support;

/// <summary>Valid payloads and the steps that bring objects into a given state.</summary>
public static class Payloads
{
    public static ByteString Hash(string seed) =>
        ByteString.CopyFrom(Protocol.Crypto.DigestHashFunction.Sha256.Hash(System.Text.Encoding.UTF8.GetBytes(seed)).ToArray());

    public static ByteString PublicKey(string name, int index = 0) => ByteString.CopyFrom(TestNetwork.KeyOf(name, index).PublicKey);
    public static ByteString Address(string name, int index = 0) => ByteString.CopyFrom(TestNetwork.AddressOf(name, index).Bytes);

    public static RegisterDatasetRequest Dataset(string name = "household register") => new()
    {
        Name = name,
        Description = "households by address",
        Fields = { "household_id", "address", "members", "phone" },
        Sensitivity = Sensitivity.Confidential,
    };

    public static RequestAccessRequest Request(string datasetId, long durationMs = 30L * 86_400_000) => new()
    {
        DatasetId = datasetId,
        Fields = { "household_id", "address", "members" },
        Purpose = "verify residence for a housing subsidy",
        LegalBasis = "municipal regulation 12/2024 art. 5",
        DurationMs = durationMs,
    };

    public static ReportCaseRequest Report(string category = "road.damage") => new()
    {
        Category = category,
        LocationRef = "grid:330402-017-05",
        DescriptionHash = Hash("pothole at the corner"),
        Severity = Severity.Medium,
    };

    public static AwardPointsRequest Award(string resident, ulong amount, long expiresAtMs = 0, string reason = "volunteer.cleanup") => new()
    {
        Resident = Address(resident),
        Amount = amount,
        ReasonCode = reason,
        ExpiresAtMs = expiresAtMs,
    };

    public static RedeemPointsRequest Redeem(TestNetwork net, string resident, string store, ulong amount, string redemptionId, long validForMs = 60_000) =>
        Contracts.Points.RedemptionAuthorisation.Sign(
            TestNetwork.Suite, TestNetwork.ChainId, TestNetwork.KeyOf(resident), store, amount, redemptionId, net.TimeMs + validForMs);

    public static ProposeRequest Propose(ProposalAction action, string description = "") => new() { Action = action, Description = description };
}
