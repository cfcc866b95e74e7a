using Grpc.AspNetCore.Server.Model;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TrustLedger.Node.Services.Binding;

public static class StrictParsingExtensions
{
    /// <summary>
    /// Binds every generated gRPC service (ours, health, reflection) with strict request parsing. Call after
    /// <c>AddGrpc</c>: it swaps grpc-dotnet's open-generic method provider for <see cref="StrictServiceMethodProvider{TService}"/>.
    /// </summary>
    public static IServiceCollection UseStrictRequestParsing(this IServiceCollection services)
    {
        var defaults = services.Where(d => d.ServiceType == typeof(IServiceMethodProvider<>)
            && d.ImplementationType is { Name: "BinderServiceMethodProvider`1" }).ToList();
        if (defaults.Count == 0)
            throw new InvalidOperationException("grpc-dotnet's default method provider was not found; call AddGrpc first (or the library changed)");
        foreach (var descriptor in defaults) services.Remove(descriptor);
        services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(StrictServiceMethodProvider<>)));
        return services;
    }
}
