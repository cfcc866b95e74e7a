using TrustLedger.Node.Configuration;
using TrustLedger.Node.Storage.Records;

namespace TrustLedger.Node.Services.Records;

public static class RecordExchangeSetup
{
    /// <summary>
    /// Registers the owner side of the record exchange: the salt secret, the record data key, the encrypted record
    /// store chosen by <c>Node:Records</c> (unless the host registered its own <see cref="IRecordProvider"/> first),
    /// request freshness and the server. The secrets and the store are opened here — and plaintext records of an
    /// earlier version encrypted — so a misconfiguration stops the node at start. Map <see cref="RecordsService"/> to serve.
    /// </summary>
    public static IServiceCollection AddRecordExchange(this IServiceCollection services, IConfiguration configuration, NodeOptions node,
        string chainId, string suite, ILogger logger)
    {
        var options = configuration.GetSection(RecordsOptions.Section).Get<RecordsOptions>() ?? new RecordsOptions();
        if (options.RequestWindowSeconds <= 0 || options.CommitTimeoutSeconds <= 0)
            throw new InvalidOperationException($"{RecordsOptions.Section}: RequestWindowSeconds and CommitTimeoutSeconds must be positive");
        if (options.ReplayGuardCapacity <= 0 || options.ReplayGuardShare <= 0 || options.ReplayGuardShare > options.ReplayGuardCapacity)
            throw new InvalidOperationException($"{RecordsOptions.Section}: ReplayGuardCapacity must be positive and ReplayGuardPerOrganisation between 1 and it " +
                $"(given {options.ReplayGuardCapacity} and {options.ReplayGuardShare})");
        services.AddSingleton(options);
        var secret = OwnerSecret.LoadOrCreate(options.SecretPath(node.DataDir), logger);
        services.AddSingleton(secret);
        if (!services.Any(d => d.ServiceType == typeof(IRecordProvider)))
        {
            var dataKey = SecretFile.LoadOrCreate(options.DataKeyPath(node.DataDir), "record data key", "without it stored records cannot be read", logger);
            var cipher = new RecordCipher(chainId, suite, dataKey, secret.Bytes);
            var path = options.ProviderPath(node.DataDir);
            IRecordProvider provider = options.Provider.ToLowerInvariant() switch
            {
                "folder" => Imported(new FolderRecordStore(path, cipher), s => s.ImportPlaintext(logger)),
                "litedb" => Imported(new LiteDbRecordStore(path, cipher), s => s.ImportPlaintext(logger)),
                var other => throw new InvalidOperationException($"{RecordsOptions.Section}:Provider '{other}' is unknown (use folder or litedb)"),
            };
            services.AddSingleton(_ => provider); // a factory registration, so the container disposes it at shutdown
            logger.LogInformation("Serving records from the {Provider} store {Path}, encrypted at rest ({Cipher})",
                options.Provider, Path.GetFullPath(path), suite == "sm" ? "SM4-GCM" : "AES-256-GCM");
        }
        services.AddSingleton(sp => new RequestReplayGuard(sp.GetRequiredService<TimeProvider>(),
            TimeSpan.FromSeconds(options.RequestWindowSeconds), options.ReplayGuardCapacity, options.ReplayGuardShare));
        services.AddSingleton<OwnTransactions>();
        services.AddSingleton<RecordServer>();
        return services;
    }

    private static T Imported<T>(T store, Func<T, int> import)
    {
        import(store);
        return store;
    }
}
