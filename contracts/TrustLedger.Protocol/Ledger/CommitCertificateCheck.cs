using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Ledger;

/// <summary>
/// Checks a block header's commit certificate against a validator set: at least 2f+1 of n = 3f+1 distinct
/// validators (all of them for n &lt; 4) signed the header hash. Pure; used by auditors and block sync.
/// </summary>
public static class CommitCertificateCheck
{
    /// <summary>Signatures needed out of <paramref name="validators"/>: n − ⌊(n − 1) / 3⌋.</summary>
    public static int Quorum(int validators) => validators - (validators - 1) / 3;

    /// <summary>Null when the certificate is valid, else the reason it is not.</summary>
    public static string? Problem(ICryptoSuite suite, string chainId, BlockHeader header, IReadOnlyList<CommitSignature> commit, IReadOnlyList<byte[]> validatorKeys)
    {
        if (header.ChainId != chainId) return $"header is for chain '{header.ChainId}', not '{chainId}'";
        if (header.ValidatorSetHash != GenesisDocument.ComputeValidatorSetHash(suite.Hash, validatorKeys))
            return "header names a different validator set than the one it is checked against";
        var byAddress = validatorKeys.ToDictionary(k => suite.AddressOf(k));
        var headerHash = header.ComputeHash(suite.Hash);
        var signedBytes = CommitSignature.SigningBytes(chainId, header.Height, headerHash);
        var signers = new HashSet<Address>();
        foreach (var signature in commit)
        {
            if (!byAddress.TryGetValue(signature.Validator, out var key))
                return $"commit signature by {signature.Validator}, which is not a validator";
            if (!suite.Verify(key, signedBytes, signature.Signature))
                return $"commit signature by {signature.Validator} does not verify over header {headerHash}";
            signers.Add(signature.Validator);
        }
        var quorum = Quorum(validatorKeys.Count);
        return signers.Count >= quorum ? null : $"only {signers.Count} of the {quorum} validator signatures needed";
    }
}
