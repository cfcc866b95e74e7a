using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using TrustLedger.Consensus;
using TrustLedger.Consensus.Inputs;
using TrustLedger.Consensus.Messages;
using TrustLedger.Consensus.Outputs;
using TrustLedger.Consensus.Wal;
using TrustLedger.Node.Core.Chain;
using TrustLedger.Node.Core.Execution;
using TrustLedger.Node.Core.Mempool;
using TrustLedger.Node.Core.Storage;
using TrustLedger.Protocol.Crypto;

namespace TrustLedger.Node.Core.Consensus;

/// <summary>
/// Hosts the pure consensus core on a validator: one loop owns the core, the ledger and the WAL. Each pass takes the
/// waiting work (peer messages, timers, built blocks, block sync), steps the core, makes the step's WAL records durable
/// with one fsync, and only then performs the effects — broadcasts, timers, block building, committing decided
/// blocks. The only writer of the ledger while it runs.
/// </summary>
public sealed partial class ConsensusDriver
{
    private const int MaxWorkPerPass = 256;
    private const int MaxStashedCommits = 256;

    private readonly ChainConfig _chain;
    private readonly LedgerState _ledger;
    private readonly BlockExecutor _executor;
    private readonly TxPool _pool;
    private readonly IBlockStore _store;
    private readonly BlockCommitter _committer;
    private readonly IConsensusWal _wal;
    private readonly IPeerTransport _peers;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConsensusDriverOptions _options;
    private readonly ProposalChecker _checker;
    private readonly KeyPair? _key;
    private readonly ConsensusCore _core;
    private readonly Action<CommitOutcome> _onCommitted;
    private readonly Channel<Work> _inbox = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SortedDictionary<ulong, SyncedCommit> _stashedCommits = new();
    private (ulong Height, int Round)? _deferredBuild;
    private (ulong Height, int Round)? _awaitingTransactions;
    private (ulong, int, RoundStep, long)? _lastMark;
    private long _progress;
    private ulong _bestPeerHeight;
    private volatile StatusSnapshot _status;
    private CancellationToken _stopping;
    private long _heightStarted;

    public ConsensusDriver(ChainConfig chain, LedgerState ledger, BlockExecutor executor, TxPool pool, IBlockStore store,
        BlockCommitter committer, LedgerValidatorSets validators, KeyPair? key, IConsensusWal wal, IPeerTransport peers,
        TimeProvider time, ILogger logger, ConsensusDriverOptions options, Action<CommitOutcome> onCommitted)
    {
        (_chain, _ledger, _executor, _pool, _store, _committer, _key, _wal, _peers, _time, _logger, _options, _onCommitted) =
            (chain, ledger, executor, pool, store, committer, key, wal, peers, time, logger, options, onCommitted);
        _checker = new ProposalChecker(ledger, executor, pool, validators, time, logger);
        _core = new ConsensusCore(new ConsensusConfig
        {
            ChainId = chain.ChainId,
            Suite = chain.Suite,
            SigningKey = key,
            Validators = validators,
            ProposalValidator = _checker,
            Timeouts = options.Timeouts,
            MaxValueBytes = chain.Parameters.MaxBlockBytes + 64 * 1024,
        }, ledger.Height + 1);
        _status = new StatusSnapshot(ledger.Height + 1, 0, RoundStep.Propose);
    }

    /// <summary>Where consensus stands (for status APIs); read from any thread.</summary>
    public StatusSnapshot Status => _status;

    public sealed record StatusSnapshot(ulong Height, int Round, RoundStep Step);

    /// <summary>A signed proposal or vote from a peer (the core checks it).</summary>
    public void Deliver(ConsensusMessage message) =>
        Post(new InputWork(message switch
        {
            Proposal p => new ProposalReceived(p),
            Vote v => new VoteReceived(v),
            _ => throw new ArgumentException($"unknown consensus message {message.GetType().Name}"),
        }));

    /// <summary>Decided blocks from a peer (block sync); each is checked by the core against its certificate.</summary>
    public void DeliverCommits(IReadOnlyList<SyncedCommit> commits, ulong senderHeight) => Post(new CommitsWork(commits, senderHeight));

    /// <summary>A peer's answer to our status.</summary>
    public void DeliverAnswer(StatusAnswer answer)
    {
        if (answer.Commits.Count > 0 || answer.Height > 0) DeliverCommits(answer.Commits, answer.Height);
        foreach (var message in answer.Messages) Deliver(message);
    }

    /// <summary>What a peer at <paramref name="peer"/> misses from us: decided blocks, or our messages of its height.</summary>
    public Task<StatusAnswer> AnswerStatusAsync(PeerStatus peer)
    {
        var answer = new TaskCompletionSource<StatusAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(new StatusWork(peer, answer));
        return answer.Task;
    }

    private void Post(Work work) => _inbox.Writer.TryWrite(work);

    /// <summary>
    /// Runs the loop until <paramref name="stopping"/>; an exception means the node must stop (fail-stop). The loop has
    /// a thread of its own: on the thread pool each pass would queue behind whatever the pool is busy with (signature
    /// checks of submitted and shared transactions, gRPC calls), and every vote would wait for that.
    /// </summary>
    public Task RunAsync(CancellationToken stopping)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(stopping);
                done.TrySetResult();
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                done.TrySetCanceled(stopping);
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        })
        { IsBackground = true, Name = "TL consensus" };
        thread.Start();
        return done.Task;
    }

    private void Run(CancellationToken stopping)
    {
        _stopping = stopping;
        var records = _wal.ReadAll().Where(r => r.Height > _ledger.Height).ToList();
        _logger.LogInformation("Consensus starts at height {Height} replaying {Records} WAL records ({Role})",
            _ledger.Height + 1, records.Count, _key is null ? "observer" : "validator " + _key.Address);
        var pass = new Pass();
        pass.Add(_core.Step(new Restart(records)));
        Finish(pass);
        _ = TickGossip(stopping);
        var reader = _inbox.Reader;
        while (WaitForWork(reader, stopping))
        {
            pass = new Pass();
            while (pass.Count < MaxWorkPerPass && !pass.Decided && reader.TryRead(out var work)) Process(work, pass);
            Finish(pass);
        }
    }

    // Blocks the loop's own thread (never a pool thread) until work arrives.
    private static bool WaitForWork(ChannelReader<Work> reader, CancellationToken stopping)
    {
        var ready = reader.WaitToReadAsync(stopping);
        return ready.IsCompleted ? ready.Result : ready.AsTask().GetAwaiter().GetResult();
    }

    // One pass: steps taken, their WAL records and effects, and answers to give once the records are durable.
    private sealed class Pass
    {
        public List<WalRecord> Wal { get; } = new();
        public List<ConsensusOutput> Outputs { get; } = new();
        public List<Action> AfterFlush { get; } = new();
        public int Count { get; set; }
        public bool Decided { get; private set; }

        public void Add(StepResult result)
        {
            Wal.AddRange(result.Wal);
            Outputs.AddRange(result.Outputs);
            if (result.Outputs.Any(o => o is Decided)) Decided = true; // commit before stepping on: later checks need the new head
        }
    }

    private void Process(Work work, Pass pass)
    {
        pass.Count++;
        switch (work)
        {
            case InputWork { Input: TimeoutFired fired } when HoldsTimeout(fired):
                break;
            case InputWork input:
                pass.Add(_core.Step(input.Input));
                break;
            case CommitsWork commits:
                AcceptCommits(commits, pass);
                break;
            case StatusWork status:
                var answer = Answer(status.Peer);
                pass.AfterFlush.Add(() => status.Answer.TrySetResult(answer)); // may carry messages signed in this pass
                break;
            case BuildWork build:
                Build(build.Height, build.Round, pass);
                break;
            case GossipTick:
                GossipIfStalled(pass);
                break;
        }
    }

    private void Finish(Pass pass)
    {
        if (pass.Wal.Count > 0)
        {
            _wal.Append(pass.Wal); // durable before anything leaves this node
            _progress++; // the core accepted something new (a message, a verdict, a value) or signed something
        }
        var broadcast = new List<ConsensusMessage>();
        foreach (var output in pass.Outputs)
        {
            switch (output)
            {
                case Broadcast b:
                    broadcast.Add(b.Message);
                    break;
                case ScheduleTimeout t:
                    _ = FireAfter(t);
                    break;
                case RequestValue r:
                    RequestBuild(r.Height, r.Round);
                    break;
                case Decided d:
                    if (broadcast.Count > 0) _peers.Broadcast([.. broadcast]); // our precommit first: peers may be one vote short
                    broadcast.Clear();
                    CommitDecision(d.Decision);
                    break;
                case EvidenceDetected e:
                    _logger.LogWarning("Equivocation by validator {Validator} at height {Height} round {Round}: {Kind}",
                        e.Evidence.Offender, e.Evidence.Height, e.Evidence.Round, e.Evidence.GetType().Name);
                    break;
            }
        }
        if (broadcast.Count > 0) _peers.Broadcast(broadcast);
        foreach (var action in pass.AfterFlush) action();
        _status = new StatusSnapshot(_core.Height, _core.Round, _core.CurrentStep);
    }

    private async Task FireAfter(ScheduleTimeout timeout)
    {
        try
        {
            await Task.Delay(timeout.Duration, _time, _stopping);
            Post(new InputWork(new TimeoutFired(timeout.Height, timeout.Round, timeout.Step)));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task TickGossip(CancellationToken stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await Task.Delay(_options.GossipPeriod, _time, stopping);
                Post(new GossipTick());
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
