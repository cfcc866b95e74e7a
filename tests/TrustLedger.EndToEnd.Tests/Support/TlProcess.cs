using System.Diagnostics;

namespace TrustLedger.EndToEnd.Tests.Support;

/// <summary>Runs the built <c>tl</c> binary against a node and collects its exit code and output.</summary>
public static class TlProcess
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(string endpoint, TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(BuiltOutputs.Find("sdk/TrustLedger.Cli", "tl.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.ArgumentList.Add("--node");
        info.ArgumentList.Add(endpoint);
        info.Environment["TL_KEY_PASSWORD"] = NodeProcess.Password;
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
