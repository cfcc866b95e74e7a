using Xunit;

namespace TrustLedger.Containers.Tests.Support;

/// <summary>
/// Every container test shares one <see cref="NodeImage"/> and runs one at a time: containers are heavy on the
/// two-core machines these tests run on, and fault tests (pause, stop) must not disturb each other's timings.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ContainersCollection : ICollectionFixture<NodeImage>
{
    public const string Name = "node containers";
}
