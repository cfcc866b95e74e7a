using TrustLedger.Consensus.Inputs;
using TrustLedger.Consensus.Outputs;
using TrustLedger.Consensus.State;
using TrustLedger.Consensus.Wal;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Consensus;

/// <summary>
/// Tendermint BFT consensus ("The latest gossip on BFT consensus", Buchman, Kwon, Milosevic 2018, Algorithm 1) as a
/// pure state machine: <see cref="Step"/> takes one input and returns the WAL records to persist and the effects to
/// perform. No clock, timer, network, storage or randomness inside; not thread-safe (one mutator: the host's
/// consensus loop or grain turn). Start it with a <see cref="Restart"/> input.
/// </summary>
public sealed partial class ConsensusCore
{
    private readonly ConsensusConfig _config;
    private readonly ulong _startHeight;
    private readonly SignGuard _guard = new();
    private readonly Dictionary<int, RoundState> _rounds = new();
    private readonly Dictionary<Hash32, ValueEntry> _values = new();
    private readonly Dictionary<Address, SortedSet<int>> _farRounds = new();
    private readonly HashSet<(Address, int, byte)> _equivocators = new();
    private readonly Dictionary<(ulong, Hash32), ValueVerdict> _replayVerdicts = new();
    private readonly FutureBuffer _future = new();
    private readonly Queue<Messages.ConsensusMessage> _promoted = new();

    private ValidatorSet _validators = null!;
    private Validator? _self;
    private Hash32? _ownValue;
    private CommitCertificate? _certificate;
    private bool _started;
    private bool _replaying;
    private List<WalRecord> _wal = new();
    private List<ConsensusOutput> _outputs = new();

    /// <param name="config">Keys, validator sets, value validation and timeouts.</param>
    /// <param name="startHeight">The first height not yet committed in the host's block store (its height + 1).</param>
    public ConsensusCore(ConsensusConfig config, ulong startHeight)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (startHeight == 0) throw new ArgumentOutOfRangeException(nameof(startHeight), "heights start at 1");
        _config = config;
        _startHeight = startHeight;
    }

    /// <summary>The height being decided (h_p).</summary>
    public ulong Height { get; private set; }

    /// <summary>The current round (round_p).</summary>
    public int Round { get; private set; }

    /// <summary>The current step (step_p).</summary>
    public RoundStep CurrentStep { get; private set; }

    /// <summary>lockedRound_p: −1 when not locked.</summary>
    public int LockedRound { get; private set; } = -1;

    /// <summary>lockedValue_p, by id.</summary>
    public Hash32? LockedValueId { get; private set; }

    /// <summary>validRound_p: −1 when no value has been seen with 2f+1 prevotes at this height.</summary>
    public int ValidRound { get; private set; } = -1;

    /// <summary>validValue_p, by id.</summary>
    public Hash32? ValidValueId { get; private set; }

    /// <summary>The validator set of <see cref="Height"/>.</summary>
    public ValidatorSet Validators => _validators;

    /// <summary>True when this node's key is in the current height's set (it votes).</summary>
    public bool IsValidator => _self is not null;

    /// <summary>The most recent decision of this core's lifetime (for peers one height behind).</summary>
    public Decision? LastDecision { get; private set; }

    /// <summary>A one-line summary of the state, for logs.</summary>
    public override string ToString() =>
        $"h={Height} r={Round} {CurrentStep} locked={LockedRound}:{LockedValueId?.ToShortString() ?? "-"} valid={ValidRound}:{ValidValueId?.ToShortString() ?? "-"} " +
        string.Join(" ", _rounds.OrderBy(r => r.Key).Select(r => $"[r{r.Key} p={(r.Value.Proposal is { } p ? p.ValueId.ToShortString() : "-")} pv={r.Value.Prevotes.Count} pc={r.Value.Precommits.Count}]"));

    /// <summary>
    /// Feeds one input. Persist <see cref="StepResult.Wal"/> durably before performing <see cref="StepResult.Outputs"/>.
    /// Throws <see cref="InvalidOperationException"/> when the first input is not a <see cref="Restart"/>.
    /// </summary>
    public StepResult Step(ConsensusInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input is Restart restart) return Replay(restart.Wal);
        if (!_started) throw new InvalidOperationException("the first input must be Restart (with an empty WAL for a new node)");
        _wal = new List<WalRecord>();
        _outputs = new List<ConsensusOutput>();
        Apply(input);
        return new StepResult(_config.UnsafeSkipWal ? [] : _wal, _outputs);
    }

    private void Apply(ConsensusInput input)
    {
        var changed = input switch
        {
            ProposalReceived p => OnProposal(p.Proposal, input),
            VoteReceived v => OnVote(v.Vote, input),
            TimeoutFired t => OnTimeout(t),
            ValueBuilt b => OnValueBuilt(b),
            ValueVerdictReceived v => OnVerdict(v),
            CommitReceived c => OnCommit(c),
            _ => throw new ArgumentException($"unexpected input {input.GetType().Name}", nameof(input)),
        };
        if (changed) Evaluate();
        // Next-height messages buffered earlier are applied one at a time, each followed by the rules, exactly as
        // a replay from that height applies their WAL records: live run and replay must take the same path.
        while (_promoted.TryDequeue(out var message))
            if (message is Messages.Proposal proposal ? OnProposal(proposal, input: null) : OnVote((Messages.Vote)message, input: null))
                Evaluate();
    }

    /// <summary>Write-ahead: called after an input passed its checks and before it changes any state.</summary>
    private void Record(ConsensusInput? input)
    {
        if (input is not null && !_replaying) _wal.Add(new WalInput(input));
    }

    private void Emit(ConsensusOutput output) => _outputs.Add(output);
}
