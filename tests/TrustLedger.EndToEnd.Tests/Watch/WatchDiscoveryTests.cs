using Google.Protobuf.Reflection;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using TrustLedger.EndToEnd.Tests.Support;
using Xunit;

namespace TrustLedger.EndToEnd.Tests.Watch;

/// <summary>grpcurl can find and describe the Watch service, including the contract messages it streams.</summary>
[Collection(DomainCollection.Name)]
public sealed class WatchDiscoveryTests(NodeFixture fixture)
{
    [Fact]
    public async Task Reflection_lists_the_watch_service_and_serves_its_descriptor_with_the_contract_imports()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Node.Endpoint);
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "trustledger.api.v1.Watch" });
        await call.RequestStream.CompleteAsync();

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Contains("trustledger.api.v1.Watch", call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name));

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var files = call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto
            .Select(bytes => FileDescriptorProto.Parser.ParseFrom(bytes).Name).ToArray();
        Assert.Contains("trustledger/api/v1/watch_service.proto", files);
        Assert.Contains("trustledger/contracts/v1/handovers.proto", files);
    }
}
