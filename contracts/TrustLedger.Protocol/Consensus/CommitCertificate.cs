using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Encoding;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Consensus;

/// <summary>
/// Proof that a value is final at a height: precommits for <see cref="ValueId"/> in one <see cref="Round"/> from
/// distinct validators holding more than 2/3 of the height's voting power. Each signature is over
/// <see cref="SignedBytes.Vote"/> with type precommit, so a certificate is exactly the votes that decided.
/// </summary>
public sealed record CommitCertificate(ulong Height, int Round, Hash32 ValueId, IReadOnlyList<PrecommitSignature> Precommits)
{
    /// <summary>
    /// Checks the certificate for (<paramref name="height"/>, <paramref name="valueId"/>) against the height's
    /// validator set: every signer a member, no signer twice, every signature valid, signers' power a quorum.
    /// Needs nothing but the height's set (genesis and governance decide it). For a block, use
    /// <see cref="Ledger.BlockCertificate.Problem"/>, which also binds the header to the set.
    /// </summary>
    public CertificateCheck Verify(ValidatorSet validators, ICryptoSuite suite, string chainId, ulong height, Hash32 valueId)
    {
        if (Height != height) return CertificateCheck.Invalid($"certificate is for height {Height}, expected {height}");
        if (ValueId != valueId) return CertificateCheck.Invalid($"certificate is for value {ValueId.ToShortString()}, expected {valueId.ToShortString()}");
        if (Round < 0 || Round > ConsensusLimits.MaxRound) return CertificateCheck.Invalid($"round {Round} out of range");
        var signed = SignedBytes.Vote(chainId, VoteType.Precommit, Height, Round, ValueId);
        var seen = new HashSet<Address>();
        long power = 0;
        foreach (var precommit in Precommits)
        {
            if (!seen.Add(precommit.Validator)) return CertificateCheck.Invalid($"validator {precommit.Validator} signs twice");
            if (!validators.TryGet(precommit.Validator, out var validator))
                return CertificateCheck.Invalid($"{precommit.Validator} is not a validator at height {height}");
            if (!suite.Verify(validator.PublicKey, signed, precommit.Signature))
                return CertificateCheck.Invalid($"bad signature from {precommit.Validator}");
            power = checked(power + validator.Power);
        }
        return validators.IsQuorum(power)
            ? CertificateCheck.Valid
            : CertificateCheck.Invalid($"signers hold {power} of {validators.TotalPower} voting power; more than 2/3 is needed");
    }

    public void Write(CanonicalWriter w)
    {
        w.U64(Height).U32((uint)Round).Hash(ValueId).U32((uint)Precommits.Count);
        foreach (var p in Precommits) w.Address(p.Validator).Bytes(p.Signature);
    }

    public static CommitCertificate Read(ref CanonicalReader r)
    {
        var height = r.U64();
        var round = r.U32();
        if (round > ConsensusLimits.MaxRound) throw new FormatException($"round {round} out of range");
        var valueId = r.Hash();
        var count = (int)r.Count(minBytesPerItem: Address.Length + 4);
        var precommits = new PrecommitSignature[count];
        for (var i = 0; i < count; i++) precommits[i] = new PrecommitSignature(r.Address(), r.Bytes());
        return new CommitCertificate(height, (int)round, valueId, precommits);
    }

    public byte[] Encode()
    {
        var w = new CanonicalWriter(64 + Precommits.Count * 90);
        Write(w);
        return w.ToArray();
    }

    public static CommitCertificate Decode(ReadOnlySpan<byte> bytes)
    {
        var r = new CanonicalReader(bytes);
        var certificate = Read(ref r);
        r.ExpectEnd();
        return certificate;
    }

    public bool Equals(CommitCertificate? other) =>
        other is not null && Height == other.Height && Round == other.Round && ValueId == other.ValueId && Precommits.SequenceEqual(other.Precommits);

    public override int GetHashCode() => HashCode.Combine(Height, Round, ValueId, Precommits.Count);
}
