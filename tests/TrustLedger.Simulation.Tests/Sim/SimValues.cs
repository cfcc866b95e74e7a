using System.Text;
using TrustLedger.Consensus;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Simulation.Tests.Sim;

/// <summary>
/// The simulated host's block rules: a value is valid at height h iff it reads <c>OK|h|…</c>. Byzantine proposers
/// send <c>BAD|…</c> or wrong-height values, which honest nodes must reject. With <see cref="PendingEvery"/> set,
/// about one verdict in that many comes back later as an input — chosen at random, so the same value may be
/// answered at once before a crash and later after it, as a real host's cache would.
/// </summary>
internal sealed class SimValues(int pendingEvery, Random? random = null) : IProposalValidator
{
    public int PendingEvery { get; } = pendingEvery;

    /// <summary>Verdicts reported pending since the host last drained this list.</summary>
    public List<(ulong Height, Hash32 Id, bool Valid)> Pending { get; } = new();

    public static byte[] Make(bool valid, ulong height, string tag) => Encoding.UTF8.GetBytes($"{(valid ? "OK" : "BAD")}|{height}|{tag}");

    public static Hash32 IdOf(byte[] value) => DigestHashFunction.Sha256.Hash(value);

    public static bool IsValid(ulong height, ReadOnlySpan<byte> value)
    {
        var prefix = Encoding.UTF8.GetBytes($"OK|{height}|");
        return value.StartsWith(prefix);
    }

    public bool TryGetValueId(ReadOnlySpan<byte> value, out Hash32 valueId)
    {
        valueId = DigestHashFunction.Sha256.Hash(value);
        return value.Length > 0;
    }

    public ValueVerdict Validate(ulong height, Hash32 valueId, ReadOnlyMemory<byte> value)
    {
        var valid = IsValid(height, value.Span);
        if (PendingEvery > 0 && random is not null && random.Next(PendingEvery) == 0)
        {
            Pending.Add((height, valueId, valid));
            return ValueVerdict.Pending;
        }
        return valid ? ValueVerdict.Valid : ValueVerdict.Invalid;
    }
}
