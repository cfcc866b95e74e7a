namespace TrustLedger.Network.Tests.Support;

/// <summary>
/// Base ports for the tests' networks, 300 apart (node K uses base+K, base+100+K, base+200+K), in 15000–22299: below the
/// ephemeral range (32768+) where the EndToEnd tests' nodes get their ports from the system, and below the 22300–30000 and
/// 40000–50000 ranges of Orleans' TestCluster (Node.Tests), so test projects running side by side do not collide.
/// </summary>
public static class TestPorts
{
    private const int First = 15_000, Step = 300, Last = 22_000;
    private static int _next = First - Step;

    public static int NextBase()
    {
        var port = Interlocked.Add(ref _next, Step);
        return port <= Last ? port : throw new InvalidOperationException("the tests ran out of port blocks; widen TestPorts");
    }
}
