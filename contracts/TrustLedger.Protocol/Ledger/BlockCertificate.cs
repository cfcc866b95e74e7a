using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Ledger;

/// <summary>
/// The one check that a block is committed: its <see cref="CommitCertificate"/> holds precommits for the header hash
/// from more than 2/3 of the voting power of the validator set of the block's height, and the header names that set.
/// Used by block import, auditors and anything else that trusts a block. Pure.
/// </summary>
public static class BlockCertificate
{
    /// <summary>
    /// Null when <paramref name="certificate"/> commits <paramref name="header"/> on <paramref name="chainId"/> under
    /// <paramref name="validators"/> (the set of the header's height, from genesis and governance), else the reason
    /// it does not.
    /// </summary>
    public static string? Problem(ICryptoSuite suite, string chainId, BlockHeader header, CommitCertificate certificate, ValidatorSet validators)
    {
        if (header.ChainId != chainId) return $"header is for chain '{header.ChainId}', not '{chainId}'";
        var setHash = validators.ComputeHash(suite.Hash);
        if (header.ValidatorSetHash != setHash)
            return $"header names validator set {header.ValidatorSetHash.ToShortString()}, but the set of height {header.Height} is {setHash.ToShortString()}";
        var check = certificate.Verify(validators, suite, chainId, header.Height, header.ComputeHash(suite.Hash));
        return check.IsValid ? null : check.Error;
    }

    /// <summary><paramref name="validator"/>'s precommit for <paramref name="header"/> in <paramref name="round"/>: a vote over <see cref="SignedBytes.Vote"/>.</summary>
    public static PrecommitSignature SignPrecommit(ICryptoSuite suite, KeyPair validator, BlockHeader header, int round) =>
        SignPrecommit(suite, validator, header, round, header.ComputeHash(suite.Hash));

    /// <summary>A certificate for <paramref name="header"/> in <paramref name="round"/> signed by <paramref name="signers"/>, in the order given (give them in set order).</summary>
    public static CommitCertificate Sign(ICryptoSuite suite, BlockHeader header, int round, IEnumerable<KeyPair> signers)
    {
        var headerHash = header.ComputeHash(suite.Hash);
        return new(header.Height, round, headerHash, signers.Select(k => SignPrecommit(suite, k, header, round, headerHash)).ToArray());
    }

    private static PrecommitSignature SignPrecommit(ICryptoSuite suite, KeyPair validator, BlockHeader header, int round, Hash32 headerHash) =>
        new(validator.Address, suite.Sign(validator, SignedBytes.Vote(header.ChainId, VoteType.Precommit, header.Height, round, headerHash)));
}
