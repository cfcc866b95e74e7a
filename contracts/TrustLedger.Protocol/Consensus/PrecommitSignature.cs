using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Consensus;

/// <summary>One validator's precommit signature inside a <see cref="CommitCertificate"/>; the signed bytes are rebuilt from the certificate.</summary>
public sealed record PrecommitSignature(Address Validator, byte[] Signature)
{
    public bool Equals(PrecommitSignature? other) =>
        other is not null && Validator == other.Validator && Signature.AsSpan().SequenceEqual(other.Signature);

    public override int GetHashCode() => Validator.GetHashCode();
}
