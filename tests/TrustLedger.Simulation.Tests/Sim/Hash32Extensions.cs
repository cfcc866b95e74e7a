using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Simulation.Tests.Sim;

internal static class Hash32Extensions
{
    /// <summary>A process-independent small hash (Hash32.GetHashCode is randomised per process).</summary>
    public static int GetHashCodeStable(this Hash32 hash) => hash.ToArray()[31] & 0x7f;
}
