using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using TrustLedger.EndToEnd.Tests.Support;
using Xunit;

namespace TrustLedger.EndToEnd.Tests;

/// <summary>What grpcurl and orchestrators rely on: server reflection and the standard health service.</summary>
public sealed class DiscoveryTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task Reflection_lists_the_ledger_and_health_services()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Node.Endpoint);
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToArray();
        Assert.Contains("trustledger.api.v1.Ledger", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Fact]
    public async Task Reflection_serves_the_ledger_file_descriptor()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Node.Endpoint);
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "trustledger.api.v1.Ledger" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.NotEmpty(call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto);
    }

    [Fact]
    public async Task Health_check_reports_serving()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Node.Endpoint);
        var response = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }
}
