using Grpc.Core;
using Grpc.Net.Client;
using TrustLedger.EndToEnd.Tests.Support;
using TrustLedger.Proto.Api.V1;
using Xunit;

namespace TrustLedger.EndToEnd.Tests.Domain;

/// <summary>
/// The Query service's statuses on a real node: malformed arguments are INVALID_ARGUMENT, unknown objects NOT_FOUND, each
/// with a reason. Asked as the dev organisation, which holds every role, so the read policy lets it learn what is missing.
/// </summary>
[Collection(DomainCollection.Name)]
public sealed class QueryErrorTests(NodeFixture fixture)
{
    private static readonly string Unknown = "0x" + new string('b', 64);

    public static TheoryData<string, Func<Query.QueryClient, Task>, StatusCode, string> Cases => new()
    {
        { "bad grant id", q => q.GetGrantAsync(new GetGrantRequest { Id = "0x12" }).ResponseAsync, StatusCode.InvalidArgument, "64-digit" },
        { "unknown grant", q => q.GetGrantAsync(new GetGrantRequest { Id = Unknown }).ResponseAsync, StatusCode.NotFound, "does not exist" },
        { "unknown dataset's grants", q => q.ListDatasetGrantsAsync(new ListDatasetGrantsRequest { DatasetId = Unknown }).ResponseAsync, StatusCode.NotFound, "dataset" },
        { "unknown owner", q => q.ListDatasetsAsync(new ListDatasetsRequest { Owner = "nobody" }).ResponseAsync, StatusCode.NotFound, "organisation 'nobody'" },
        { "bad organisation id", q => q.GetInboxAsync(new GetInboxRequest { Department = "no spaces" }).ResponseAsync, StatusCode.InvalidArgument, "organisation id" },
        { "unknown case history", q => q.GetCaseHistoryAsync(new GetCaseHistoryRequest { CaseId = Unknown }).ResponseAsync, StatusCode.NotFound, "case" },
        { "bad address", q => q.GetPointsBalanceAsync(new GetPointsBalanceRequest { Resident = "0x1234" }).ResponseAsync, StatusCode.InvalidArgument, "20-byte address" },
        { "limit too large", q => q.ListCasesAsync(new ListCasesRequest { Limit = 5000 }).ResponseAsync, StatusCode.InvalidArgument, "limit" },
        { "bad month", q => q.GetCaseStatisticsAsync(new GetCaseStatisticsRequest { Months = { "2024-13" } }).ResponseAsync, StatusCode.InvalidArgument, "yyyyMM" },
        { "unknown role", q => q.ListOrganisationsAsync(new ListOrganisationsRequest { Role = "mayor" }).ResponseAsync, StatusCode.InvalidArgument, "role" },
        { "non-member key", q => q.GetMemberAsync(new GetMemberRequest { Address = "0x" + new string('0', 40) }).ResponseAsync, StatusCode.NotFound, "not an active key" },
        { "unapplied redemption", q => q.GetRedemptionAsync(new GetRedemptionRequest { Resident = "0x" + new string('1', 40), RedemptionId = "r-1" }).ResponseAsync, StatusCode.NotFound, "not been applied" },
    };


    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Refuses_with_a_status_and_a_reason(string name, Func<Query.QueryClient, Task> call, StatusCode code, string reason)
    {
        using var channel = GrpcChannel.ForAddress(fixture.Node.Endpoint);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await call(new Query.QueryClient(fixture.AsDevClient(channel))));
        Assert.True(code == error.StatusCode, $"{name}: expected {code}, got {error.StatusCode} ({error.Status.Detail})");
        Assert.Contains(reason, error.Status.Detail);
    }

    [Fact]
    public async Task Malformed_protobuf_is_invalid_argument()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Node.Endpoint);
        var garbage = new Method<byte[], byte[]>(MethodType.Unary, "trustledger.api.v1.Query", "GetCase",
            Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await channel.CreateCallInvoker().AsyncUnaryCall(garbage, null, new CallOptions(), [0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }
}
