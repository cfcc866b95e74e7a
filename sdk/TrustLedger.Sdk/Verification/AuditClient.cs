using Google.Protobuf;
using Grpc.Net.Client;
using Grpc.Core.Interceptors;
using TrustLedger.Proto.Access;
using TrustLedger.Proto.Api.V1;
using TrustLedger.Proto.Mapping;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Merkle;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Sdk.Verification;

/// <summary>
/// An auditor's client: trusts the genesis file and nothing the node says. Every answer is checked here — the
/// header's commit certificate against the genesis validators (<see cref="BlockCertificate"/>), then the Merkle
/// proof against that header — and a failure throws <see cref="VerificationException"/>.
/// </summary>
public sealed class AuditClient : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly KeyPair? _key;
    private Proofs.ProofsClient? _proofs;
    private readonly ValidatorSet _validators;
    private readonly Hash32 _validatorSetHash;

    /// <param name="endpoint">Any node of the network: nothing it says is trusted.</param>
    /// <param name="genesis">The network's genesis file, the one thing the auditor trusts.</param>
    /// <param name="key">
    /// The auditor's key, to identify itself for proofs the read policy restricts (inclusion proofs of others'
    /// transactions, state proofs: auditors and validators); null for public proofs only (log growth).
    /// </param>
    /// <param name="tls">Mutual TLS towards an https:// node; null = plaintext.</param>
    public AuditClient(string endpoint, GenesisDocument genesis, KeyPair? key = null, Tls.TlsClientOptions? tls = null)
    {
        _key = key;
        genesis.Validate();
        Genesis = genesis;
        Suite = CryptoSuites.Get(genesis.CryptoSuite);
        _validators = genesis.ToValidatorSet(Suite);
        _validatorSetHash = _validators.ComputeHash(Suite.Hash);
        _channel = Tls.TlsClientOptions.Channel(endpoint, tls);
    }

    /// <summary>The proofs client; with a key, it signs a credential for the node it reaches (learned from its public status).</summary>
    private async Task<Proofs.ProofsClient> ProofsAsync(CancellationToken cancellation)
    {
        if (_proofs is { } ready) return ready;
        if (_key is null) return _proofs = new Proofs.ProofsClient(_channel);
        var status = await new Ledger.LedgerClient(_channel).GetStatusAsync(new GetStatusRequest(), cancellationToken: cancellation);
        var audience = WireMapping.ToAddress(status.NodeAddress, "node_address");
        return _proofs = new Proofs.ProofsClient(_channel.Intercept(new CallerCredentialInterceptor(Suite, _key, Genesis.ChainId, audience)));
    }

    public GenesisDocument Genesis { get; }
    public ICryptoSuite Suite { get; }

    /// <summary>Proves <paramref name="txId"/> is in the log as of block <paramref name="atHeight"/> (0 = head).</summary>
    public async Task<VerifiedInclusion> VerifyTransactionAsync(Hash32 txId, ulong atHeight = 0, CancellationToken cancellation = default)
    {
        var response = await (await ProofsAsync(cancellation)).GetInclusionProofAsync(new InclusionProofRequest { TxId = txId.ToByteString(), Height = atHeight }, cancellationToken: cancellation);
        return CheckInclusion(txId, response);
    }

    /// <summary>Checks a saved or received inclusion proof offline.</summary>
    public VerifiedInclusion CheckInclusion(Hash32 txId, InclusionProofResponse response)
    {
        var checkpoint = Certified(response.Checkpoint);
        var proof = new InclusionProof((long)response.LeafIndex, (long)response.TreeSize, Hashes(response.Path));
        if (response.TreeSize != checkpoint.LogSize)
            throw new VerificationException($"proof is for a log of {response.TreeSize} entries, the checkpoint certifies {checkpoint.LogSize}");
        if (!MerkleProofs.VerifyInclusion(Suite.Hash, MerkleProofs.LeafHash(Suite.Hash, txId.ToArray()), proof, checkpoint.LogRoot))
            throw new VerificationException($"transaction {txId} is not proven in the log of block {checkpoint.Height}");
        return new VerifiedInclusion(txId, response.TxHeight, response.LeafIndex, checkpoint);
    }

    /// <summary>Proves the log at block <paramref name="toHeight"/> (0 = head) extends the log at <paramref name="fromHeight"/>: nothing was rewritten.</summary>
    public async Task<VerifiedConsistency> VerifyLogGrowthAsync(ulong fromHeight, ulong toHeight = 0, CancellationToken cancellation = default)
    {
        var response = await (await ProofsAsync(cancellation)).GetConsistencyProofAsync(new ConsistencyProofRequest { FromHeight = fromHeight, ToHeight = toHeight }, cancellationToken: cancellation);
        return CheckConsistency(response);
    }

    /// <summary>Checks a saved or received consistency proof offline.</summary>
    public VerifiedConsistency CheckConsistency(ConsistencyProofResponse response)
    {
        var from = Certified(response.From);
        var to = Certified(response.To);
        var proof = new ConsistencyProof((long)from.LogSize, (long)to.LogSize, Hashes(response.Path));
        if (!MerkleProofs.VerifyConsistency(Suite.Hash, proof, from.LogRoot, to.LogRoot))
            throw new VerificationException($"the log of block {to.Height} is not proven to extend the log of block {from.Height}");
        return new VerifiedConsistency(from, to);
    }

    /// <summary>Proves the current value (or absence) of a raw state key.</summary>
    public async Task<VerifiedState> VerifyStateAsync(byte[] key, CancellationToken cancellation = default)
    {
        var response = await (await ProofsAsync(cancellation)).GetStateProofAsync(new StateProofRequest { Key = ByteString.CopyFrom(key) }, cancellationToken: cancellation);
        return CheckState(key, response);
    }

    /// <summary>Checks a saved or received state proof offline.</summary>
    public VerifiedState CheckState(byte[] key, StateProofResponse response)
    {
        var checkpoint = Certified(response.Checkpoint);
        var leaf = response.LeafKeyHash.IsEmpty ? null
            : new StateProofLeaf(WireMapping.ToHash(response.LeafKeyHash, "leaf_key_hash"), WireMapping.ToHash(response.LeafValueHash, "leaf_value_hash"));
        var value = response.Present ? response.Value.ToByteArray() : null;
        if (!StateProof.Verify(Suite.Hash, checkpoint.StateRoot, key, value, new StateProof(Hashes(response.Siblings), leaf)))
            throw new VerificationException($"state key {Hex.Encode(key)} is not proven {(value is null ? "absent" : "to hold the value sent")} at block {checkpoint.Height}");
        return new VerifiedState(key, value, checkpoint);
    }

    /// <summary>
    /// Checks a header's commit certificate against the genesis validators; returns the header. A header naming
    /// another validator set (governance replaced the validators) is refused with the set it needs: this client does
    /// not yet follow the validator schedule.
    /// </summary>
    public BlockHeader VerifyHeader(BlockHeader header, CommitCertificate commit)
    {
        if (header.ChainId == Genesis.ChainId && header.ValidatorSetHash != _validatorSetHash)
            throw new VerificationException(
                $"block {header.Height} is certified by validator set {header.ValidatorSetHash}, not the genesis set {_validatorSetHash}: " +
                "governance changed the validators (state key m/validators holds the schedule), and this auditor trusts only the " +
                "genesis set. Verify against a block the genesis set signed, e.g. an earlier height.");
        return BlockCertificate.Problem(Suite, Genesis.ChainId, header, commit, _validators) is { } problem
            ? throw new VerificationException($"block {header.Height}: {problem}")
            : header;
    }

    private BlockHeader Certified(CertifiedHeader? certified)
    {
        if (certified?.Header is null) throw new VerificationException("the node sent no checkpoint header");
        try
        {
            var header = certified.Header.ToDomain();
            return VerifyHeader(header, certified.Commit.ToDomain(header, Suite.Hash));
        }
        catch (FormatException e)
        {
            throw new VerificationException($"malformed checkpoint: {e.Message}");
        }
    }

    private static Hash32[] Hashes(IEnumerable<ByteString> path)
    {
        try
        {
            return path.Select(p => WireMapping.ToHash(p, "path")).ToArray();
        }
        catch (FormatException e)
        {
            throw new VerificationException($"malformed proof: {e.Message}");
        }
    }

    public void Dispose() => _channel.Dispose();
}
