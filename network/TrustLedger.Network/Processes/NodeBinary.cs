namespace TrustLedger.Network.Processes;

/// <summary>
/// How to run a node: <see cref="FileName"/> followed by <see cref="Arguments"/> and then the node's own switches.
/// By default <c>dotnet node/TrustLedger.Node.dll</c> beside tlnet (the build copies the node's output there, both for
/// <c>dotnet run --project network/TrustLedger.Network</c> and for a built tlnet); <c>--node-bin</c> overrides it.
/// </summary>
public sealed record NodeBinary(string FileName, IReadOnlyList<string> Arguments)
{
    public const string AssemblyFile = "TrustLedger.Node.dll";

    /// <summary>Where the build puts the node, relative to tlnet's own folder.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "node", AssemblyFile);

    /// <param name="path">An explicit <c>--node-bin</c>: a <c>.dll</c> (run with dotnet) or an executable; null for the default.</param>
    /// <exception cref="NetworkException">The node binary is not where it should be.</exception>
    public static NodeBinary Locate(string? path)
    {
        if (path is not null)
        {
            var full = Path.GetFullPath(path);
            if (!File.Exists(full)) throw new NetworkException($"--node-bin {full} does not exist");
            return full.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? new(DotnetHost(), [full]) : new(full, []);
        }
        if (!File.Exists(DefaultPath))
            throw new NetworkException($"the node is not built beside tlnet (looked for {DefaultPath}); build network/TrustLedger.Network, or pass --node-bin path/to/{AssemblyFile}");
        return new(DotnetHost(), [DefaultPath]);
    }

    /// <summary>The dotnet host running tlnet when there is one (so the node runs on the same runtime), else dotnet on PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { } host && File.Exists(host)) return host;
        return "dotnet";
    }

    public override string ToString() => string.Join(' ', [FileName, .. Arguments]);
}
