using Microsoft.Extensions.Logging;
using TrustLedger.Consensus;
using TrustLedger.Node.Core.Chain;
using TrustLedger.Node.Core.Execution;
using TrustLedger.Node.Core.Mempool;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Core.Consensus;

/// <summary>
/// The consensus core's view of block values: the id is the header hash, and a value is valid when it extends the
/// head and re-executing its transactions reproduces its header exactly (roots, counts, validator set). A value for a
/// height whose parent this node has not applied yet is answered later (<see cref="ValueVerdict.Pending"/>): the
/// core enters height h+1 in the same step that decides h, before the host stores block h. Executions are kept by id,
/// so deciding a checked value needs no second run. Driver thread only.
/// </summary>
public sealed class ProposalChecker(LedgerState ledger, BlockExecutor executor, TxPool pool, IValidatorSetSource validators, TimeProvider time,
    ILogger logger) : IProposalValidator
{
    /// <summary>How far ahead of this node's clock a block time may be.</summary>
    public static readonly TimeSpan MaxClockAhead = TimeSpan.FromSeconds(10);

    private readonly Dictionary<Hash32, ExecutedValue> _executed = new();
    private readonly List<(ulong Height, Hash32 Id, byte[] Value)> _deferred = new();

    public bool TryGetValueId(ReadOnlySpan<byte> value, out Hash32 valueId) =>
        BlockValue.TryGetId(value, ledger.Chain.Suite.Hash, out valueId);

    public ValueVerdict Validate(ulong height, Hash32 valueId, ReadOnlyMemory<byte> value)
    {
        if (height != ledger.Height + 1)
        {
            if (height > ledger.Height + 1 && _deferred.Count < 64) _deferred.Add((height, valueId, value.ToArray()));
            return ValueVerdict.Pending;
        }
        var started = time.GetTimestamp();
        var problem = Check(valueId, value.Span);
        if (problem is not null)
            logger.LogWarning("Refused the proposed block {Height} {Id}: {Problem}", height, valueId.ToShortString(), problem);
        else
            logger.LogDebug("Checked the proposed block {Height} in {Ms:F1} ms", height, time.GetElapsedTime(started).TotalMilliseconds);
        return problem is null ? ValueVerdict.Valid : ValueVerdict.Invalid;
    }

    /// <summary>Verdicts for deferred values whose parent is now the head (call after each commit).</summary>
    public IReadOnlyList<(ulong Height, Hash32 Id, bool Valid)> ResolveDeferred()
    {
        var ready = _deferred.Where(d => d.Height == ledger.Height + 1).ToList();
        _deferred.RemoveAll(d => d.Height <= ledger.Height + 1);
        return ready.Select(d => (d.Height, d.Id, Check(d.Id, d.Value) is null)).ToList();
    }

    /// <summary>Remembers this node's own value (built from an execution on the head): valid without a re-run.</summary>
    public void Remember(Hash32 valueId, ExecutedValue executed) => _executed[valueId] = executed;

    /// <summary>The execution of a value checked or built on the current head, if any.</summary>
    public ExecutedValue? Executed(Hash32 valueId) => _executed.GetValueOrDefault(valueId);

    /// <summary>Forgets executions made on an older head (call after each commit).</summary>
    public void OnCommitted() => _executed.Clear();

    /// <summary>Null when <paramref name="bytes"/> is a valid next block with id <paramref name="valueId"/>, else why not.</summary>
    public string? Check(Hash32 valueId, ReadOnlySpan<byte> bytes)
    {
        if (_executed.ContainsKey(valueId)) return null;
        var chain = ledger.Chain;
        BlockValue value;
        try
        {
            value = BlockValue.Decode(bytes, chain.Suite);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return $"malformed value: {e.Message}";
        }
        var header = value.Header;
        if (header.ComputeHash(chain.Suite.Hash) != valueId) return "value id is not the header hash";
        if (header.ChainId != chain.ChainId) return $"block is for chain '{header.ChainId}'";
        if (header.Height != ledger.Height + 1) return $"block height {header.Height}, expected {ledger.Height + 1}";
        if (header.PreviousHash != ledger.HeadHash) return "previous hash is not the head";
        if (header.TimeMs <= ledger.HeadTimeMs) return "block time does not advance";
        if (header.TimeMs > time.GetUtcNow().Add(MaxClockAhead).ToUnixTimeMilliseconds()) return "block time is too far in the future";
        if (!validators.ForHeight(header.Height).Contains(header.Proposer)) return $"proposer {header.Proposer} is not a validator";
        if (value.Transactions.Count > chain.Parameters.MaxBlockTxs) return "too many transactions";
        if (value.Transactions.Sum(t => (long)t.EncodedSize) > chain.Parameters.MaxBlockBytes) return "block too large";
        if (CheckTransactions(value.Transactions) is { } bad) return bad;

        var execution = executor.Execute(ledger.State, value.Transactions, header.Height, header.TimeMs);
        if (execution.Dropped.Count > 0) return $"transaction {execution.Dropped[0].TxId} is invalid: {execution.Dropped[0].Reason}";
        if (ledger.Preview(execution, header.TimeMs, header.Proposer) != header) return "header differs from re-execution";
        _executed[valueId] = new ExecutedValue(value, execution);
        return null;
    }

    // Admission already verified the signatures of transactions waiting in our pool (same id and same signature bytes).
    private string? CheckTransactions(IReadOnlyList<SignedTransaction> txs)
    {
        var seen = new HashSet<Hash32>();
        foreach (var tx in txs)
            if (!seen.Add(tx.Id)) return $"transaction {tx.Id} appears twice";
        return EnvelopeRules.FirstProblem(txs, ledger.Chain, pool.HoldsVerified) is { } problem ? $"transaction {problem.TxId}: {problem.Reason}" : null;
    }
}
