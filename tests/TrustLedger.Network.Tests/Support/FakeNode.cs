namespace TrustLedger.Network.Tests.Support;

/// <summary>A shell script standing in for the node (passed as <c>--node-bin</c>; it gets the node's switches as arguments).</summary>
public sealed class FakeNode : IDisposable
{
    public FakeNode(string body)
    {
        File.WriteAllText(Path, $"#!/bin/sh\n{body}\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tlnet-fake-node-{Guid.NewGuid():N}.sh");

    public void Dispose() => File.Delete(Path);
}
