using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace TrustLedger.Node.Services.Binding;

/// <summary>
/// Replaces grpc-dotnet's default method provider: finds a service's generated <c>BindService</c> the same way
/// (through <see cref="BindServiceMethodAttribute"/>) but binds through <see cref="StrictServiceBinder{TService}"/>.
/// </summary>
internal sealed class StrictServiceMethodProvider<TService> : IServiceMethodProvider<TService> where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is not { } attribute) continue;
            var bind = attribute.BindType.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Single(m => m.Name == attribute.BindMethodName && m.GetParameters() is [{ ParameterType: var p0 }, _] && p0 == typeof(ServiceBinderBase));
            bind.Invoke(null, [new StrictServiceBinder<TService>(context), null]);
            return;
        }
    }
}
