using TrustLedger.Protocol.Crypto;

namespace TrustLedger.Simulation.Tests.Sim;

/// <summary>Knobs fixed by a test, as opposed to the scenario drawn from the seed.</summary>
internal sealed record SimOptions
{
    /// <summary>The suite every node signs with; the fast <see cref="SimSuite"/> unless a test wants the real ones.</summary>
    public ICryptoSuite Suite { get; init; } = SimSuite.Instance;

    /// <summary>Runs honest nodes with the test-only locking mutation, to show the safety checker can fail.</summary>
    public bool DisableLocking { get; init; }

    /// <summary>Runs honest nodes with the test-only mutation that drops WAL records, to show the double-sign check can fail.</summary>
    public bool SkipWal { get; init; }

    /// <summary>Heights every honest node must decide after healing, beyond the highest decided before.</summary>
    public int LivenessHeights { get; init; } = 3;

    /// <summary>Virtual time allowed for that after healing.</summary>
    public long LivenessBoundMs { get; init; } = 60_000;

    /// <summary>Writes every honest step to <c>$TMP/tl-sim-SEED.log</c>.</summary>
    public bool Trace { get; init; }

    /// <summary>Guards against a livelock bug turning into an endless test.</summary>
    public long MaxEvents { get; init; } = 3_000_000;
}
