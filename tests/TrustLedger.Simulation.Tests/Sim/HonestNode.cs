using TrustLedger.Consensus;
using TrustLedger.Consensus.Inputs;
using TrustLedger.Consensus.Outputs;
using TrustLedger.Consensus.Wal;
using TrustLedger.Protocol.Consensus;

namespace TrustLedger.Simulation.Tests.Sim;

/// <summary>
/// An honest host: a durable WAL (bytes, survives crashes), a durable block store, timers, a block builder and
/// gossip. It persists each step's WAL records before any effect, as production hosts must.
/// </summary>
internal sealed class HonestNode : SimNode
{
    private readonly List<byte[]> _wal = new();
    private readonly SimValues _values;
    private readonly ConsensusConfig _config;
    private ConsensusCore? _core;
    private int _epoch;
    private (ulong, int, RoundStep)? _lastMark;

    public HonestNode(World world, int index) : base(world, index)
    {
        _values = new SimValues(world.Scenario.PendingEvery, world.Random);
        _config = new ConsensusConfig
        {
            ChainId = World.ChainId,
            Suite = world.Suite,
            SigningKey = world.Keys[index],
            Validators = world.Provider,
            ProposalValidator = _values,
            Timeouts = world.Timeouts,
            UnsafeDisableLocking = world.Options.DisableLocking,
            UnsafeSkipWal = world.Options.SkipWal,
        };
    }

    public List<Decision> Blocks { get; } = new();
    public ulong DecidedHeight => (ulong)Blocks.Count;
    public bool IsUp => _core is not null;
    public int Restarts { get; private set; }

    public override string ToString() => $"node {Index}: blocks={Blocks.Count} {(_core is null ? "DOWN" : _core.ToString())}";

    public override void Boot()
    {
        _epoch++;
        Restarts++;
        _core = new ConsensusCore(_config, DecidedHeight + 1);
        // Prune what the block store already covers, as a host would.
        var records = _wal.Select(b => WalRecord.Decode(b)).Where(r => r.Height > DecidedHeight).ToList();
        _wal.Clear();
        _wal.AddRange(records.Select(r => r.Encode()));
        World.Log(() => $"n{Index} BOOT at height {DecidedHeight + 1} with {records.Count} WAL records:\n          " +
                        string.Join("\n          ", records.Select(r => r is WalInput i ? "in  " + Describe(i.Input) : "out " + ((WalSigned)r).Message)));
        var resumed = _core.Step(new Restart(records));
        World.Log(() => $"n{Index} RESUMED -> {string.Join("; ", resumed.Outputs.Select(o => o is Decided d ? $"DECIDED h={d.Decision.Height} r={d.Decision.Round} {d.Decision.ValueId.ToShortString()} by [{string.Join(",", d.Decision.Certificate.Precommits.Select(p => p.Validator.ToString()[..10]))}]" : Describe(o)))} || {_core}");
        // The WAL here is always complete (crashes fall between steps or right after a WAL write), so replay must
        // retrace the live run exactly: anything it signs anew means it diverged. (After the replay proper, verdicts the
        // host still owed are asked again — those WalVerdict records, and what they lead to, are new and fine.)
        if (!World.Options.SkipWal && resumed.Wal.TakeWhile(r => r is not WalVerdict).OfType<WalSigned>().FirstOrDefault() is { } fresh)
            World.Monitor.Fail($"REPLAY DIVERGED: node {Index} signed {fresh.Message} anew while replaying its WAL");
        Handle(resumed);
        if (_core is not null) ScheduleGossip(_epoch);
    }

    public void Crash()
    {
        World.Log(() => $"n{Index} CRASH");
        _core = null;
        _epoch++;
    }

    public override void Receive(int from, Envelope envelope)
    {
        if (_core is null) return;
        if (envelope is StatusEnvelope status)
        {
            AnswerStatus(from, status);
            return;
        }
        if (ToInput(envelope) is not { } input) return;
        var before = _core.Height;
        Step(input);
        // Block sync: the commit moved us on but we are still behind its sender? Ask for the next one right away.
        if (envelope is CommitEnvelope commit && _core is not null && _core.Height > before && _core.Height < commit.SenderHeight)
            World.Network.Send(Index, from, new StatusEnvelope(_core.Height, _core.Round));
    }

    private void AnswerStatus(int from, StatusEnvelope status)
    {
        if (status.Height >= 1 && status.Height <= DecidedHeight)
        {
            var decision = Blocks[(int)status.Height - 1];
            World.Network.Send(Index, from, new CommitEnvelope(decision.Value, decision.Certificate.Encode(), _core!.Height));
        }
        else if (status.Height == _core!.Height && status.Round < _core.Round)
        {
            foreach (var message in _core.Gossip().Messages) World.Network.Send(Index, from, new MessageEnvelope(message.Encode()));
        }
    }

    private void Step(ConsensusInput input)
    {
        if (_core is null) return;
        var result = _core.Step(input);
        if (World.Trace is not null && (result.Wal.Count > 0 || result.Outputs.Count > 0))
            World.Log(() => $"n{Index} {Describe(input)} -> {string.Join("; ", result.Outputs.Select(Describe))} || {_core}");
        Handle(result);
    }

    private static string Describe(object o) => o switch
    {
        ProposalReceived p => p.Proposal.ToString(),
        VoteReceived v => v.Vote.ToString(),
        Broadcast b => "send " + b.Message,
        Decided d => $"DECIDED h={d.Decision.Height} r={d.Decision.Round} {d.Decision.ValueId.ToShortString()}",
        CommitReceived c => $"Commit(h={c.Certificate.Height} r={c.Certificate.Round} {c.Certificate.ValueId.ToShortString()})",
        ValueVerdictReceived v => $"Verdict({v.ValueId.ToShortString()}={v.IsValid})",
        _ => o.ToString() ?? "",
    };

    private void Handle(StepResult result)
    {
        foreach (var record in result.Wal) _wal.Add(record.Encode()); // "fsync"
        if (result.Wal.Count > 0 && World.TearCrashNow())
        {
            SimRunner.CrashFor(World, this, 20 + World.Random.Next(500));
            return;
        }
        var epoch = _epoch;
        foreach (var output in result.Outputs)
        {
            switch (output)
            {
                case Broadcast b:
                    World.Monitor.OnSent(Index, b.Message);
                    World.Network.Broadcast(Index, new MessageEnvelope(b.Message.Encode()));
                    break;
                case ScheduleTimeout t:
                    World.Scheduler.After((long)t.Duration.TotalMilliseconds, () =>
                    {
                        if (epoch == _epoch) Step(new TimeoutFired(t.Height, t.Round, t.Step));
                    });
                    break;
                case RequestValue r:
                    var value = SimValues.Make(true, r.Height, $"n{Index}-r{r.Round}-{World.Random.Next()}");
                    World.Scheduler.After(5 + World.Random.Next(World.Scenario.MaxBuildMs + 1), () =>
                    {
                        if (epoch == _epoch) Step(new ValueBuilt(r.Height, r.Round, value));
                    });
                    break;
                case Decided d:
                    if (d.Decision.Height != DecidedHeight + 1)
                        World.Monitor.Fail($"node {Index} decided height {d.Decision.Height} after {DecidedHeight}");
                    Blocks.Add(d.Decision);
                    World.Monitor.OnDecided(Index, d.Decision);
                    break;
                case EvidenceDetected:
                    World.Monitor.Evidence++;
                    break;
            }
        }
        foreach (var (height, id, valid) in _values.Pending)
            World.Scheduler.After(1 + World.Random.Next(50), () =>
            {
                if (epoch == _epoch) Step(new ValueVerdictReceived(height, id, valid));
            });
        _values.Pending.Clear();
    }

    /// <summary>A node that made no progress for a gossip period re-sends what peers may have missed and asks for help.</summary>
    private void ScheduleGossip(int epoch) =>
        World.Scheduler.After(World.GossipPeriodMs + World.Random.Next(100), () =>
        {
            if (epoch != _epoch || _core is null) return;
            var mark = (_core.Height, _core.Round, _core.CurrentStep);
            if (mark == _lastMark)
            {
                World.Network.Broadcast(Index, new StatusEnvelope(_core.Height, _core.Round));
                var gossip = _core.Gossip();
                foreach (var message in gossip.Messages) World.Network.Broadcast(Index, new MessageEnvelope(message.Encode()));
                if (gossip.LastDecision is { } last)
                    World.Network.Broadcast(Index, new CommitEnvelope(last.Value, last.Certificate.Encode(), _core.Height));
            }
            _lastMark = mark;
            ScheduleGossip(epoch);
        });
}
