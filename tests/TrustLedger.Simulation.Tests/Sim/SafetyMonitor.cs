using TrustLedger.Consensus;
using TrustLedger.Consensus.Messages;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Simulation.Tests.Sim;

/// <summary>
/// Checks, as it happens: no two honest nodes decide different values at a height (agreement); every decision carries
/// a certificate that verifies and a value the block rules accept (validity); no honest node ever signs two different
/// messages for one slot, across crashes and replays (no double-signing).
/// </summary>
internal sealed class SafetyMonitor(World world)
{
    private readonly Dictionary<ulong, (Hash32 Id, int Node)> _decided = new();
    private readonly Dictionary<(int Node, ulong Height, int Round, byte Kind), ConsensusMessage> _signed = new();

    public string? Failure { get; private set; }
    public int Evidence { get; set; }
    public int Decisions { get; private set; }

    /// <summary>A running hash of every honest decision and send, in order: equal for two runs of one seed.</summary>
    public ulong Fingerprint { get; private set; } = 14695981039346656037;

    private void Mix(string item)
    {
        foreach (var c in item) Fingerprint = (Fingerprint ^ c) * 1099511628211;
    }

    public void Fail(string message) => Failure ??= $"[t={world.Scheduler.Now}ms] {message}";

    public void OnDecided(int node, Decision decision)
    {
        Decisions++;
        Mix($"{world.Scheduler.Now}:{node}:{decision.Height}:{decision.ValueId}");
        var set = world.Provider.GetValidatorSet(decision.Height);
        var check = decision.Certificate.Verify(set, world.Suite, World.ChainId, decision.Height, decision.ValueId);
        if (!check.IsValid) Fail($"node {node} decided height {decision.Height} with a bad certificate: {check.Error}");
        if (SimValues.IdOf(decision.Value) != decision.ValueId) Fail($"node {node} decided bytes that do not match the value id");
        if (!SimValues.IsValid(decision.Height, decision.Value)) Fail($"node {node} decided an invalid value at height {decision.Height}");
        if (!_decided.TryGetValue(decision.Height, out var first))
            _decided[decision.Height] = (decision.ValueId, node);
        else if (first.Id != decision.ValueId)
            Fail($"SAFETY: height {decision.Height}: node {first.Node} decided {first.Id.ToShortString()}, node {node} decided {decision.ValueId.ToShortString()}");
    }

    public void OnSent(int node, ConsensusMessage message)
    {
        Mix($"{world.Scheduler.Now}:{node}:{message}");
        var kind = message is Vote v ? (byte)v.Type : (byte)0;
        var key = (node, message.Height, message.Round, kind);
        if (!_signed.TryGetValue(key, out var earlier)) _signed[key] = message;
        else if (!earlier.SameContent(message)) Fail($"DOUBLE SIGN by honest node {node}: {earlier} then {message}");
    }
}
