using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Consensus.Tests.Support;

/// <summary>Values are any non-empty bytes, identified by SHA-256; tests mark some invalid or make verdicts pending.</summary>
internal sealed class TestValues : IProposalValidator
{
    public HashSet<Hash32> Invalid { get; } = new();
    public bool Pending { get; set; }
    public List<Hash32> Asked { get; } = new();

    public static Hash32 IdOf(byte[] value) => DigestHashFunction.Sha256.Hash(value);

    public bool TryGetValueId(ReadOnlySpan<byte> value, out Hash32 valueId)
    {
        valueId = DigestHashFunction.Sha256.Hash(value);
        return value.Length > 0;
    }

    public ValueVerdict Validate(ulong height, Hash32 valueId, ReadOnlyMemory<byte> value)
    {
        Asked.Add(valueId);
        if (Pending) return ValueVerdict.Pending;
        return Invalid.Contains(valueId) ? ValueVerdict.Invalid : ValueVerdict.Valid;
    }
}
