using Xunit;

namespace TrustLedger.EndToEnd.Tests.Support;

/// <summary>
/// One dev node shared, one test at a time, by the domain tests and the demo test: each adds its own organisations
/// (with unique ids), and because nothing else submits meanwhile a refused action can be checked against the state root.
/// Classes that need a node of their own (see <see cref="DedicatedNodeFixture"/>) join the collection too, so the domain
/// tests start one node process at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DomainCollection : ICollectionFixture<NodeFixture>
{
    public const string Name = "domain node";
}
