using System.Net.Sockets;
using Docker.DotNet;
using DotNet.Testcontainers.Configurations;

namespace TrustLedger.Containers.Tests.Support;

/// <summary>
/// The Docker engine the tests talk to, found the way Testcontainers finds it (DOCKER_HOST, then the local socket),
/// and whether it answers. <see cref="Problem"/> is computed once per test run, at test discovery.
/// </summary>
public static class DockerEngine
{
    private const string LocalSocket = "/var/run/docker.sock";

    private static readonly Lazy<string?> ProblemOnce = new(Probe);

    /// <summary>Runs before Testcontainers reads its settings (every use of Docker in these tests goes through here first).</summary>
    static DockerEngine()
    {
        // Testcontainers' client asks for a newer API than Debian's docker.io 20.10 (1.41) speaks, and does not negotiate:
        // ask for the local engine's own version unless told otherwise. Before anything reads TestcontainersSettings,
        // which reads the environment once.
        if (Environment.GetEnvironmentVariable("DOCKER_API_VERSION") is null && Environment.GetEnvironmentVariable("DOCKER_HOST") is null
            && File.Exists(LocalSocket) && EngineApiVersion(LocalSocket) is { } version)
            Environment.SetEnvironmentVariable("DOCKER_API_VERSION", version);
        // No Ryuk, Testcontainers' reaper: it is an image to pull, and there is no registry. Each test removes what it starts.
        TestcontainersSettings.ResourceReaperEnabled = false;
    }

    /// <summary>Null when the engine answered a ping; otherwise why the container tests cannot run.</summary>
    public static string? Problem => ProblemOnce.Value;

    /// <summary>The skip reason of every container test when <see cref="Problem"/> is set.</summary>
    public static string? SkipReason => Problem is { } problem
        ? $"Docker engine not usable: {problem}; under CI, .ci/run installs and starts one (docker.io, dockerd)"
        : null;

    /// <summary>
    /// The host the tests dial containers' published ports on, and so a name the node certificates must carry:
    /// <c>TESTCONTAINERS_HOST_OVERRIDE</c> when set, the engine's host for a <c>tcp://</c> DOCKER_HOST, else 127.0.0.1
    /// (a local engine publishes on this machine). Testcontainers' own <c>Hostname</c> is not used: inside a container
    /// (this machine kind has <c>/.dockerenv</c>) it answers the gateway of each container's Docker network, an address
    /// not known when the certificates are made.
    /// </summary>
    public static string PublishedHost { get; } = FindPublishedHost();

    private static string FindPublishedHost()
    {
        if (TestcontainersSettings.DockerHostOverride is { Length: > 0 } overridden) return overridden;
        var endpoint = TestcontainersSettings.OS.DockerEndpointAuthConfig?.Endpoint;
        return endpoint is { Scheme: "tcp" or "http" or "https" } ? endpoint.Host : "127.0.0.1";
    }

    /// <summary>A Docker API client for what Testcontainers does not wrap (network disconnect, container state).</summary>
    public static DockerClient CreateClient() =>
        (TestcontainersSettings.OS.DockerEndpointAuthConfig ?? throw new InvalidOperationException(SkipReason))
        .GetDockerClientBuilder(Guid.NewGuid()).Build();

    private static string? Probe()
    {
        try
        {
            if (TestcontainersSettings.OS.DockerEndpointAuthConfig is null) return WhyNoEndpoint();
            using var client = CreateClient();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            client.System.PingAsync(deadline.Token).GetAwaiter().GetResult();
            return null;
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}";
        }
    }

    /// <summary>Testcontainers found no engine that answers: say where it looked.</summary>
    private static string WhyNoEndpoint()
    {
        if (Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host) return $"DOCKER_HOST={host} did not answer";
        if (!File.Exists(LocalSocket)) return $"no {LocalSocket} and no DOCKER_HOST";
        return EngineApiVersion(LocalSocket) is { } version
            ? $"the engine on {LocalSocket} (API {version}) refused DOCKER_API_VERSION={Environment.GetEnvironmentVariable("DOCKER_API_VERSION")}"
            : $"{LocalSocket} exists but no engine answers on it";
    }

    /// <summary>The engine's own API version from an unversioned <c>/_ping</c>, or null when nothing answers.</summary>
    private static string? EngineApiVersion(string socket)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellation) =>
            {
                var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await unix.ConnectAsync(new UnixDomainSocketEndPoint(socket), cancellation);
                return new NetworkStream(unix, ownsSocket: true);
            },
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = http.GetAsync("http://docker/_ping").GetAwaiter().GetResult();
            return response.Headers.TryGetValues("Api-Version", out var values) ? values.FirstOrDefault() : null;
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or TaskCanceledException)
        {
            return null;
        }
    }
}
