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
    private static readonly Lazy<string?> ProblemOnce = new(Probe);

    /// <summary>Null when the engine answered a ping; otherwise why the container tests cannot run.</summary>
    public static string? Problem => ProblemOnce.Value;

    /// <summary>The skip reason of every container test when <see cref="Problem"/> is set.</summary>
    public static string? SkipReason => Problem is { } problem
        ? $"Docker engine not usable: {problem}; .ci/run installs and starts one (apt-get install docker.io, dockerd) and sets DOCKER_API_VERSION"
        : null;

    /// <summary>A Docker API client for what Testcontainers does not wrap (network disconnect, container state).</summary>
    public static DockerClient CreateClient() =>
        (TestcontainersSettings.OS.DockerEndpointAuthConfig ?? throw new InvalidOperationException(SkipReason))
        .GetDockerClientBuilder(Guid.NewGuid()).Build();

    private static string? Probe()
    {
        try
        {
            // No Ryuk: its image would be pulled, and there is no registry. Each test disposes what it starts.
            TestcontainersSettings.ResourceReaperEnabled = false;
            if (TestcontainersSettings.OS.DockerEndpointAuthConfig is null)
                return WhyNoEndpoint();
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

    /// <summary>Testcontainers found no engine: tell a missing engine from one too old for its client's API version.</summary>
    private static string WhyNoEndpoint()
    {
        if (Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host) return $"DOCKER_HOST={host} did not answer";
        const string socket = "/var/run/docker.sock";
        if (!File.Exists(socket)) return $"no {socket} and no DOCKER_HOST";
        var apiVersion = EngineApiVersion(socket);
        if (apiVersion is null) return $"{socket} exists but no engine answers on it";
        return Environment.GetEnvironmentVariable("DOCKER_API_VERSION") is { } asked
            ? $"the engine on {socket} speaks API {apiVersion} and refused DOCKER_API_VERSION={asked}"
            : $"the engine on {socket} speaks API {apiVersion}, older than Testcontainers' client; set DOCKER_API_VERSION={apiVersion}";
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
            return response.Headers.TryGetValues("Api-Version", out var values) ? values.FirstOrDefault() : "unknown";
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or TaskCanceledException)
        {
            return null;
        }
    }
}
