using TrustLedger.Protocol.Primitives;
using TrustLedger.Sdk;

namespace TrustLedger.Network.Tests.Support;

/// <summary>Checks across the nodes of a network: heights reached and identical headers.</summary>
public static class ChainAssert
{
    /// <summary>Waits until every client's node reports at least <paramref name="height"/>, polling with a deadline.</summary>
    public static async Task ReachesAsync(IEnumerable<TrustLedgerClient> clients, ulong height, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        foreach (var client in clients)
        {
            while ((await client.GetStatusAsync()).Height < height)
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"{client.Node.Organisation}'s node did not reach height {height} within {timeout}");
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Blocks 1..<paramref name="height"/> have the same header hash on every node.</summary>
    public static async Task IdenticalHeadersAsync(IReadOnlyList<TrustLedgerClient> clients, ulong height)
    {
        for (var h = 1UL; h <= height; h++)
        {
            var hashes = new List<Hash32>();
            foreach (var client in clients) hashes.Add((await client.GetBlockAsync(h)).Header.ComputeHash(client.Suite.Hash));
            Assert.True(hashes.Distinct().Count() == 1, $"block {h} differs between nodes: {string.Join(", ", hashes)}");
        }
    }
}
