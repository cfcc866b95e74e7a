using System.Diagnostics;
using TrustLedger.Network.Lifecycle;

namespace TrustLedger.Network.Tests.Support;

/// <summary>The built <c>tl</c> CLI (sdk/TrustLedger.Cli, in the same configuration as the tests), run as a user runs it.</summary>
public static class BuiltTl
{
    /// <summary>tests/TrustLedger.Network.Tests/bin/{Configuration}/{framework} → sdk/TrustLedger.Cli/bin/{Configuration}/{framework}/tl.dll.</summary>
    public static string Dll
    {
        get
        {
            var testBin = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
            var framework = Path.GetFileName(testBin);
            var configuration = Path.GetFileName(Path.GetDirectoryName(testBin)!);
            var repo = Path.GetFullPath(Path.Combine(testBin, "..", "..", "..", "..", ".."));
            var path = Path.Combine(repo, "sdk", "TrustLedger.Cli", "bin", configuration, framework, "tl.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"not built: {path}");
        }
    }

    /// <summary>Runs <c>tl</c> with the dev key password; kills it after <paramref name="timeout"/>.</summary>
    public static async Task<(int Exit, string Out, string Err)> RunAsync(TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo(BuiltTlnet.DotnetHost) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[Dll, .. args]) info.ArgumentList.Add(arg);
        info.Environment["TL_KEY_PASSWORD"] = KeyPassword.Dev;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
