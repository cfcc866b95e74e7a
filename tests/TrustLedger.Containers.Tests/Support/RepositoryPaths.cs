namespace TrustLedger.Containers.Tests.Support;

/// <summary>Paths in the repository the tests were built from.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding TrustLedger.sln, found upwards from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    public static string ImageDirectory => Path.Combine(Root, "network", "container");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TrustLedger.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no TrustLedger.sln above {AppContext.BaseDirectory}");
    }
}
