using TrustLedger.Consensus.Messages;
using TrustLedger.Consensus.Outputs;
using TrustLedger.Protocol.Consensus;

namespace TrustLedger.Consensus.Tests.Support;

internal static class StepResultExtensions
{
    public static List<T> Sent<T>(this StepResult result) where T : ConsensusMessage =>
        result.Outputs.OfType<Broadcast>().Select(b => b.Message).OfType<T>().ToList();

    public static Vote SingleVote(this StepResult result, VoteType type) =>
        Assert.Single(result.Sent<Vote>(), v => v.Type == type);

    public static List<Decision> Decisions(this StepResult result) => result.Outputs.OfType<Decided>().Select(d => d.Decision).ToList();

    public static List<ScheduleTimeout> Timeouts(this StepResult result) => result.Outputs.OfType<ScheduleTimeout>().ToList();

    /// <summary>Feeds several inputs and merges the results in order.</summary>
    public static StepResult Feed(this ConsensusCore core, params Inputs.ConsensusInput[] inputs)
    {
        var wal = new List<Wal.WalRecord>();
        var outputs = new List<ConsensusOutput>();
        foreach (var input in inputs)
        {
            var r = core.Step(input);
            wal.AddRange(r.Wal);
            outputs.AddRange(r.Outputs);
        }
        return new StepResult(wal, outputs);
    }
}
