namespace TrustLedger.Network.Tests.Support;

/// <summary>The build output of network/TrustLedger.Network, in the same configuration as the tests.</summary>
public static class BuiltTlnet
{
    /// <summary>tests/TrustLedger.Network.Tests/bin/{Configuration}/{framework} → network/TrustLedger.Network/bin/{Configuration}/{framework}.</summary>
    public static string Dir
    {
        get
        {
            var testBin = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
            var framework = Path.GetFileName(testBin);
            var configuration = Path.GetFileName(Path.GetDirectoryName(testBin)!);
            var repo = Path.GetFullPath(Path.Combine(testBin, "..", "..", "..", "..", ".."));
            return Path.Combine(repo, "network", "TrustLedger.Network", "bin", configuration, framework);
        }
    }

    public static string TlnetDll => Existing(Path.Combine(Dir, "tlnet.dll"));

    /// <summary>The node the tlnet build copied beside itself: what <c>tlnet up</c> runs by default.</summary>
    public static string NodeDll => Existing(Path.Combine(Dir, "node", "TrustLedger.Node.dll"));

    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { } host && File.Exists(host) ? host : "dotnet";

    private static string Existing(string path) => File.Exists(path) ? path : throw new FileNotFoundException($"not built: {path}");
}
