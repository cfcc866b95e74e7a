using TrustLedger.Consensus.Outputs;
using TrustLedger.Consensus.Wal;

namespace TrustLedger.Consensus;

// Restart: rebuild state by replaying the WAL through the same code paths, then resume.
public sealed partial class ConsensusCore
{
    private StepResult Replay(IReadOnlyList<WalRecord> wal)
    {
        if (_started) throw new InvalidOperationException("Restart is only valid as the first input of a new core");
        _started = true;
        _wal = new List<WalRecord>();
        _outputs = new List<ConsensusOutput>();
        _replaying = true;

        // Load every signature first: even if replay diverged, no slot could be signed twice. Synchronous verdicts
        // too: replay uses what the host said then, not what it says now.
        foreach (var record in wal)
        {
            if (record.Height < _startHeight) continue;
            if (record is WalSigned signed && _config.SigningKey is { } key && signed.Message.Sender == key.Address)
                _guard.Remember(signed.Message);
            else if (record is WalVerdict verdict)
                _replayVerdicts[(verdict.ValueHeight, verdict.ValueId)] = verdict.IsValid ? ValueVerdict.Valid : ValueVerdict.Invalid;
        }

        StartHeight(_startHeight);
        Evaluate();
        foreach (var record in wal)
            if (record is WalInput input && input.Height >= _startHeight) Apply(input.Input);

        // Whatever we signed at this height counts and is re-sent: peers may never have received it.
        var own = _guard.At(Height).ToList();
        foreach (var message in own) AcceptOwn(message);
        Evaluate();
        _replaying = false;
        _replayVerdicts.Clear();

        // A verdict the host owed when the node stopped died with it: ask again (now live, so it is written ahead).
        var resumed = ResumeOutputs(own);
        _outputs = new List<ConsensusOutput>();
        foreach (var (id, entry) in _values.Where(v => v.Value.Verdict == ValueVerdict.Pending).OrderBy(v => v.Key).ToList())
        {
            entry.Verdict = _config.ProposalValidator.Validate(Height, id, entry.Bytes);
            if (entry.Verdict != ValueVerdict.Pending) _wal.Add(new WalVerdict(Height, id, entry.Verdict == ValueVerdict.Valid));
        }
        Evaluate();
        resumed.AddRange(_outputs);
        return new StepResult(_wal, resumed);
    }

    /// <summary>
    /// Of what replay produced, the host needs: decisions and evidence (its store may lack them), the timers and the
    /// value request of the current round, and our own messages at the current height. Earlier sends are history.
    /// </summary>
    private List<ConsensusOutput> ResumeOutputs(List<Messages.ConsensusMessage> own)
    {
        var resumed = new List<ConsensusOutput>();
        foreach (var output in _outputs)
        {
            var keep = output switch
            {
                Decided or EvidenceDetected => true,
                ScheduleTimeout t => t.Height == Height && t.Round == Round && !resumed.Contains(t),
                RequestValue r => r.Height == Height && r.Round == Round && _ownValue is null && CurrentStep == RoundStep.Propose,
                _ => false,
            };
            if (keep) resumed.Add(output);
        }
        resumed.AddRange(own.Select(m => new Broadcast(m)));
        return resumed;
    }
}
