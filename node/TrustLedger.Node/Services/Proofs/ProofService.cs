using Google.Protobuf;
using Grpc.Core;
using TrustLedger.Node.Core.Access;
using TrustLedger.Node.Hosting;
using TrustLedger.Node.Security;
using TrustLedger.Proto.Api.V1;
using TrustLedger.Proto.Mapping;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Merkle;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Services.Proofs;

/// <summary>
/// Inclusion, consistency and state proofs, each with the certified header it is proven against, so a client
/// holding only the genesis can check everything itself (invariant 4). Proofs are served for durable blocks only.
/// Checkpoints and consistency proofs are public; inclusion proofs follow the transaction's read rule, state proofs
/// the raw-state rule (<see cref="ReadPolicy"/>).
/// </summary>
public sealed class ProofService(NodeRuntime runtime, CallerAuthenticator callers) : Proto.Api.V1.Proofs.ProofsBase
{
    /// <summary>Longer than any key a contract writes (ids are 64 hex digits); a 10 MB key is refused, not hashed and looked up.</summary>
    private const int MaxStateKeyBytes = 1024;

    public override Task<InclusionProofResponse> GetInclusionProof(InclusionProofRequest request, ServerCallContext context)
    {
        var txId = WireMapping.ToHash(request.TxId, "tx_id");
        var caller = callers.Authenticate(context);
        var found = runtime.Store.FindTransaction(txId);
        var tx = found is { } at ? Block(at.Height).Transactions[at.Index] : null;
        ReadAccess.Enforce(runtime.Ledger.ReadState(state =>
            ReadPolicy.Transaction(caller.ReaderAt(state), txId.ToString(), tx is null ? null : AccessFacts.Parties(state, tx))));
        var location = found ?? throw RpcErrors.NotFound($"transaction {txId} is not committed");
        var checkpoint = CheckpointAt(request.Height);
        if (checkpoint.Height < location.Height)
            throw RpcErrors.Invalid($"transaction {txId} is in block {location.Height}, after the requested block {checkpoint.Height}");
        var txHeader = runtime.Store.GetHeader(location.Height)!;
        var leafIndex = (long)txHeader.LogSize - txHeader.TxCount + location.Index;
        var proof = runtime.Ledger.Log.ProveInclusion(leafIndex, (long)checkpoint.Header.LogSize);
        var response = new InclusionProofResponse
        {
            Checkpoint = Certified(checkpoint),
            LeafIndex = (ulong)proof.LeafIndex,
            TreeSize = (ulong)proof.TreeSize,
            TxHeight = location.Height,
        };
        response.Path.AddRange(proof.Path.Select(h => h.ToByteString()));
        return Task.FromResult(response);
    }

    public override Task<ConsistencyProofResponse> GetConsistencyProof(ConsistencyProofRequest request, ServerCallContext context)
    {
        if (request.FromHeight == 0) throw RpcErrors.Invalid("from_height must be at least 1");
        var to = CheckpointAt(request.ToHeight);
        if (request.FromHeight > to.Height) throw RpcErrors.Invalid($"from_height {request.FromHeight} is after to_height {to.Height}");
        var from = CheckpointAt(request.FromHeight);
        var proof = runtime.Ledger.Log.ProveConsistency((long)from.Header.LogSize, (long)to.Header.LogSize);
        var response = new ConsistencyProofResponse { From = Certified(from), To = Certified(to) };
        response.Path.AddRange(proof.Path.Select(h => h.ToByteString()));
        return Task.FromResult(response);
    }

    public override async Task<StateProofResponse> GetStateProof(StateProofRequest request, ServerCallContext context)
    {
        if (request.Key.IsEmpty) throw RpcErrors.Invalid("key is empty");
        if (request.Key.Length > MaxStateKeyBytes) throw RpcErrors.Invalid($"key is {request.Key.Length} bytes; state keys are at most {MaxStateKeyBytes}");
        var caller = callers.Authenticate(context);
        ReadAccess.Enforce(runtime.Ledger.ReadState(state => ReadPolicy.RawState(caller.ReaderAt(state))));
        var key = request.Key.ToByteArray();
        while (true)
        {
            var nextBlock = runtime.Feed.NextBlock;
            var (height, value, proof) = runtime.Ledger.ReadState(state =>
                (runtime.Ledger.StateHeight, state.Get(key), runtime.Ledger.State.Tree.Prove(key)));
            // The tree may hold a block that is still being made durable; prove only against durable headers.
            if (height <= runtime.Ledger.Height)
                return StateResponse(height, value, proof);
            await nextBlock.WaitAsync(TimeSpan.FromSeconds(10), context.CancellationToken);
        }
    }

    public override Task<CertifiedHeader> GetCheckpoint(CheckpointRequest request, ServerCallContext context) =>
        Task.FromResult(Certified(CheckpointAt(request.Height)));

    private StateProofResponse StateResponse(ulong height, byte[]? value, StateProof proof)
    {
        if (height == 0) throw new RpcException(new Status(StatusCode.FailedPrecondition, "no block yet: state before block 1 is the genesis, with no certified header to prove against"));
        var response = new StateProofResponse
        {
            Checkpoint = Certified(Block(height)),
            Present = value is not null,
            Value = value is null ? ByteString.Empty : ByteString.CopyFrom(value),
            LeafKeyHash = proof.Leaf is { } leaf ? leaf.KeyHash.ToByteString() : ByteString.Empty,
            LeafValueHash = proof.Leaf is { } l ? l.ValueHash.ToByteString() : ByteString.Empty,
        };
        response.Siblings.AddRange(proof.Siblings.Select(h => h.ToByteString()));
        return response;
    }

    private Block CheckpointAt(ulong height)
    {
        var head = runtime.Ledger.Height;
        if (head == 0) throw new RpcException(new Status(StatusCode.FailedPrecondition, "the chain has no blocks yet"));
        var target = height == 0 ? head : height;
        if (target > head) throw RpcErrors.NotFound($"no block at height {target}; the head is {head}");
        return Block(target);
    }

    private Block Block(ulong height) =>
        runtime.Feed.GetBlock(height) ?? throw new RpcException(new Status(StatusCode.Internal, $"block {height} is missing from the store"));

    private CertifiedHeader Certified(Block block) =>
        new() { Header = block.Header.ToWire(runtime.Chain.Suite.Hash), Commit = block.Commit.ToWire() };
}
