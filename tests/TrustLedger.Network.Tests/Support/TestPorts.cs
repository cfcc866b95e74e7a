namespace TrustLedger.Network.Tests.Support;

/// <summary>
/// Base ports for the tests' networks in 15000–22299: below the ephemeral range (32768+) where the EndToEnd tests' nodes
/// get their ports from the system, and below the 22300–30000 and 40000–50000 ranges of Orleans' TestCluster
/// (Node.Tests), so test projects running side by side do not collide. Node K uses base+K, base+100+K and base+200+K, so
/// bases 10 apart inside one 300-port block never overlap (up to 9 nodes each): ten networks per block.
/// </summary>
public static class TestPorts
{
    private const int First = 15_000, Block = 300, PerBlock = 10, Spacing = 10, Last = 22_000;
    private static int _next = -1;

    public static int NextBase()
    {
        var index = Interlocked.Increment(ref _next);
        var port = First + index / PerBlock * Block + index % PerBlock * Spacing;
        return port <= Last ? port : throw new InvalidOperationException("the tests ran out of port blocks; widen TestPorts");
    }
}
