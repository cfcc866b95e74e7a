using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using TrustLedger.Node.Configuration;
using TrustLedger.Node.Hosting;
using TrustLedger.Node.Hosting.Watch;
using TrustLedger.Node.Security;
using TrustLedger.Node.Services;
using TrustLedger.Node.Services.Binding;
using TrustLedger.Node.Services.Records;
using TrustLedger.Node.Services.Watch;

// --dev is a flag; the configuration parser would read the next switch as its value, so take it out first.
var dev = args.Contains("--dev");
var insecurePlaintext = args.Contains("--insecure-plaintext");
args = args.Where(a => a is not ("--dev" or "--insecure-plaintext")).ToArray();
// appsettings.json ships next to the binary; the working directory is the user's (for relative --data paths).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddEnvironmentVariables("TL_");
if (builder.Configuration["config"] is { } configFile)
    builder.Configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false);
builder.Configuration.AddCommandLine(args, NodeOptions.SwitchMappings);
if (dev) builder.Configuration[$"{NodeOptions.Section}:Dev"] = "true";
if (insecurePlaintext) builder.Configuration[$"{NodeOptions.Section}:InsecurePlaintext"] = "true";

var options = builder.Configuration.GetSection(NodeOptions.Section).Get<NodeOptions>() ?? new NodeOptions();
builder.Services.Configure<NodeOptions>(builder.Configuration.GetSection(NodeOptions.Section));
var password = Environment.GetEnvironmentVariable("TL_KEY_PASSWORD") ?? options.KeyPassword ?? (options.Dev ? NodeOptions.DevPassword : null)
    ?? throw new InvalidOperationException("set TL_KEY_PASSWORD to the password of the validator key");

using var startupLog = LoggerFactory.Create(l => l.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; }));
var log = startupLog.CreateLogger("TrustLedger.Node");
if (options.Dev && DevNetworkSetup.EnsureCreated(options, password))
    log.LogInformation("Created a dev network in {Dir} (genesis.json, validator.key.json, {Client})", Path.GetFullPath(options.DataDir), DevNetworkSetup.ClientKeyFile);

NodeTls? tls;
NodeRuntime runtime;
try
{
    tls = NodeTls.Decide(options, log);
    runtime = NodeRuntime.Open(options, password, TimeProvider.System, log, tls);
}
catch (StartupRefusal refusal)
{
    Console.Error.WriteLine($"trustledger-node: {refusal.Message}");
    return 2;
}
catch (TrustLedger.Node.Core.Chain.ReplayMismatchException mismatch)
{
    // The node's own log fails the checks a peer's block would (invariant 9): never serve it.
    Console.Error.WriteLine($"trustledger-node: the block log in {Path.GetFullPath(options.BlocksDir)} fails verification at height {mismatch.Height} ({mismatch.Message}); restore the data folder from a backup, or move the blocks folder away and let the node resync from its peers");
    return 3;
}
catch (Exception e) when (e is InvalidOperationException or TrustLedger.Protocol.Crypto.KeyFiles.KeyFileException or TrustLedger.Protocol.Genesis.GenesisException or IOException)
{
    Console.Error.WriteLine($"trustledger-node: {e.Message}");
    return 2;
}
builder.Services.AddSingleton(runtime);
if (tls is not null) builder.Services.AddSingleton<ICertificateOrganisations>(tls.Pins);
else builder.Services.TryAddSingleton<ICertificateOrganisations, NoCertificateOrganisations>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<CallerAuthenticator>();
builder.Services.AddSingleton(sp => new StreamQuota(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<TrustLedger.Node.Grains.Watch.LiveViewOptions>>().Value.MaxStreamsPerCaller));
builder.Services.AddHostedService<FollowerPump>();
builder.Services.AddHostedService<ConsensusPump>();
builder.Services.AddRecordExchange(builder.Configuration, options, runtime.Chain.ChainId, runtime.Chain.Suite.Name, log);
builder.Services.AddLiveViews(builder.Configuration);
builder.Services.AddGrpc(o =>
{
    o.MaxReceiveMessageSize = 32 * 1024 * 1024;
    o.EnableDetailedErrors = false;
    o.Interceptors.Add<TrustLedger.Node.Services.Errors.MalformedArgumentInterceptor>();
});
builder.Services.UseStrictRequestParsing();
builder.Services.AddGrpcReflection();
builder.Services.AddGrpcHealthChecks().AddCheck("chain", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy());

var (host, port) = ParseListen(options.Listen);
builder.WebHost.ConfigureKestrel(k => k.Listen(host, port, l =>
{
    l.Protocols = HttpProtocols.Http2;
    tls?.Secure(l);
}));
builder.UseOrleans(silo => silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: "trustledger", clusterId: $"tl-{runtime.Chain.ChainId}-{port}"));

var app = builder.Build();
if (tls is not null) app.UseCertificateGate(tls.Pins);
app.MapGrpcService<LedgerService>();
app.MapGrpcService<TrustLedger.Node.Services.Proofs.ProofService>();
app.MapGrpcService<RecordsService>();
app.MapGrpcService<QueryService>();
app.MapGrpcService<WatchService>();
app.MapGrpcService<TrustLedger.Node.Services.Peer.PeerService>();
app.MapGrpcHealthChecksService();
if (options.ReflectionEnabled) app.MapGrpcReflectionService(); // on in dev mode; elsewhere only with --reflection true
app.Lifetime.ApplicationStarted.Register(() =>
    Console.WriteLine($"TrustLedger node listening on {(tls is null ? "http" : "https")}://{options.Listen} ({(tls is null ? "plaintext" : $"mTLS as {runtime.Organisation}")}, {runtime.Describe}, chain {runtime.Chain.ChainId}, suite {runtime.Chain.Suite.Name}, height {runtime.Ledger.Height}, data {Path.GetFullPath(options.DataDir)})"));
app.Lifetime.ApplicationStopped.Register(runtime.Dispose);
await app.RunAsync();
return Environment.ExitCode;

static (IPAddress, int) ParseListen(string listen)
{
    var colon = listen.LastIndexOf(':');
    if (colon <= 0 || !int.TryParse(listen[(colon + 1)..], out var port))
        throw new ArgumentException($"--listen must be host:port, got '{listen}'");
    var host = listen[..colon];
    var address = host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(host.Trim('[', ']'));
    return (address, port);
}
