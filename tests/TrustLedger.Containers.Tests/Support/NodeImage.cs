using System.Diagnostics;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Images;
using Xunit;

namespace TrustLedger.Containers.Tests.Support;

/// <summary>
/// The node image, made once per test run: <c>network/container/build-image.sh --stage-only</c> publishes the node
/// (single file, self-contained, into the script's own obj/ folder) and stages the build context, then Testcontainers
/// builds it from the Dockerfile without pulling anything (the image is <c>FROM scratch</c>).
/// Does nothing when Docker is unreachable: every test of the collection is skipped then.
/// </summary>
public sealed class NodeImage : IAsyncLifetime
{
    public const string Name = "trustledger-node:tests";

    /// <summary>The node's user and group in the image (the Dockerfile's USER).</summary>
    public const uint UserId = 10001;

    /// <summary>How long the publish and the image build took, for the test log.</summary>
    public TimeSpan PublishTime { get; private set; }
    public TimeSpan BuildTime { get; private set; }

    public async Task InitializeAsync()
    {
        if (DockerEngine.Problem is not null) return;
        var clock = Stopwatch.StartNew();
        var context = await StageAsync();
        PublishTime = clock.Elapsed;
        clock.Restart();
        var image = new ImageFromDockerfileBuilder()
            .WithDockerfileDirectory(context)
            .WithDockerfile("Dockerfile")
            .WithName(Name)
            .WithImageBuildPolicy(PullPolicy.Always)   // always build: the node may have changed since the last run
            .WithDeleteIfExists(true)                  // and leave no untagged image behind
            .WithCleanUp(false)
            .Build();
        await image.CreateAsync();
        BuildTime = clock.Elapsed;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<string> StageAsync()
    {
        var script = Path.Combine(RepositoryPaths.ImageDirectory, "build-image.sh");
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add("--stage-only");
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {script}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} --stage-only did not finish within 10 minutes:\n{await stderr}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} --stage-only failed with {process.ExitCode}:\n{await stderr}\n{await stdout}");
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length > 0 && Directory.Exists(lines[^1]) ? lines[^1]
            : throw new InvalidOperationException($"{script} printed no build context folder:\n{await stdout}");
    }
}
