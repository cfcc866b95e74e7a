using TrustLedger.Node.Configuration;
using TrustLedger.Sdk.Records;

namespace TrustLedger.Node.Services.Records;

public static class RecordExchangeSetup
{
    /// <summary>
    /// Registers the owner side of the record exchange: the record provider chosen by <c>Node:Records</c> (unless the
    /// host registered its own <see cref="IRecordProvider"/> first), the salt secret, request freshness and the server.
    /// The provider and the secret are opened here, so a misconfiguration stops the node at start. Map
    /// <see cref="RecordsService"/> to serve.
    /// </summary>
    public static IServiceCollection AddRecordExchange(this IServiceCollection services, IConfiguration configuration, NodeOptions node, ILogger logger)
    {
        var options = configuration.GetSection(RecordsOptions.Section).Get<RecordsOptions>() ?? new RecordsOptions();
        if (options.RequestWindowSeconds <= 0 || options.CommitTimeoutSeconds <= 0)
            throw new InvalidOperationException($"{RecordsOptions.Section}: RequestWindowSeconds and CommitTimeoutSeconds must be positive");
        services.AddSingleton(options);
        if (!services.Any(d => d.ServiceType == typeof(IRecordProvider)))
        {
            var path = options.ProviderPath(node.DataDir);
            IRecordProvider provider = options.Provider.ToLowerInvariant() switch
            {
                "folder" => new FolderRecordStore(path),
                "litedb" => new LiteDbRecordStore(path),
                var other => throw new InvalidOperationException($"{RecordsOptions.Section}:Provider '{other}' is unknown (use folder or litedb)"),
            };
            services.AddSingleton(_ => provider); // a factory registration, so the container disposes it at shutdown
            logger.LogInformation("Serving records from the {Provider} store {Path}", options.Provider, Path.GetFullPath(path));
        }
        services.AddSingleton(OwnerSecret.LoadOrCreate(options.SecretPath(node.DataDir), logger));
        services.AddSingleton(sp => new RequestReplayGuard(sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(options.RequestWindowSeconds)));
        services.AddSingleton<OwnTransactions>();
        services.AddSingleton<RecordServer>();
        return services;
    }
}
