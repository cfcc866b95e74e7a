using Xunit;

namespace TrustLedger.Containers.Tests.Support;

/// <summary>A test that needs a Docker engine: skipped, with the reason, when none answers; run (and able to fail) when one does.</summary>
public sealed class DockerFactAttribute : FactAttribute
{
    public DockerFactAttribute()
    {
        if (DockerEngine.SkipReason is { } reason) Skip = reason;
    }
}
