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

        // Load every signature first: even if replay diverges (a host verdict changed), no slot can be signed twice.
        if (_config.SigningKey is { } key)
            foreach (var record in wal)
                if (record is WalSigned signed && signed.Height >= _startHeight && signed.Message.Sender == key.Address)
                    _guard.Remember(signed.Message);

        StartHeight(_startHeight);
        Evaluate();
        foreach (var record in wal)
            if (record is WalInput input && input.Height >= _startHeight) Apply(input.Input);

        // Whatever we signed at this height counts and is re-sent: peers may never have received it.
        var own = _guard.At(Height).ToList();
        foreach (var message in own) AcceptOwn(message);
        Evaluate();
        _replaying = false;
        return new StepResult(_wal, ResumeOutputs(own));
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
