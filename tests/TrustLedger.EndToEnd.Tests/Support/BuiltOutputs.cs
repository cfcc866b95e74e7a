namespace TrustLedger.EndToEnd.Tests.Support;

/// <summary>Finds the build output of another project of this repository, in the same configuration as the tests.</summary>
public static class BuiltOutputs
{
    /// <param name="project">Project folder relative to the repository root, e.g. <c>node/TrustLedger.Node</c>.</param>
    /// <param name="file">The assembly, e.g. <c>TrustLedger.Node.dll</c>.</param>
    public static string Find(string project, string file)
    {
        // tests/TrustLedger.EndToEnd.Tests/bin/{Configuration}/{framework} → {project}/bin/{Configuration}/{framework}
        var testBin = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var framework = Path.GetFileName(testBin);
        var configuration = Path.GetFileName(Path.GetDirectoryName(testBin)!);
        var repo = Path.GetFullPath(Path.Combine(testBin, "..", "..", "..", "..", ".."));
        var path = Path.Combine(repo, project, "bin", configuration, framework, file);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{project} is not built at {path}");
    }
}
