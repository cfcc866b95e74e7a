using TrustLedger.Consensus;
using TrustLedger.Consensus.Validators;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Crypto;

namespace TrustLedger.Simulation.Tests.Sim;

/// <summary>Shared state of one run: the seeded generator, virtual time, network, validators and the monitor.</summary>
internal sealed class World
{
    public const string ChainId = "tl-sim";

    public World(Scenario scenario, SimOptions options, Random random)
    {
        Scenario = scenario;
        Options = options;
        Random = random;
        Scheduler = new Scheduler();
        Network = new SimNetwork(Scheduler, random);
        Keys = Enumerable.Range(0, scenario.N).Select(KeyOf).ToArray();
        Validators = new ValidatorSet(Keys.Select((k, i) => new Validator(k.Address, k.PublicKey, scenario.Powers[i])));
        Provider = new StaticValidatorSetProvider(Validators);
        Monitor = new SafetyMonitor(this);
    }

    public Scenario Scenario { get; }
    public SimOptions Options { get; }
    public Random Random { get; }
    public Scheduler Scheduler { get; }
    public SimNetwork Network { get; }
    public KeyPair[] Keys { get; }
    public ValidatorSet Validators { get; }
    public IValidatorSetProvider Provider { get; }
    public SafetyMonitor Monitor { get; }
    public ICryptoSuite Suite => Options.Suite;
    public bool Healed { get; set; }

    /// <summary>Event log for replaying one seed (TL_SIM_TRACE=1); null otherwise, so normal runs pay nothing.</summary>
    public List<string>? Trace { get; init; }

    public void Log(Func<string> line) => Trace?.Add($"{Scheduler.Now,7} {line()}");

    public TimeoutPolicy Timeouts { get; } = new(
        TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(100),
        TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(100),
        TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(100),
        TimeSpan.FromSeconds(5));

    public const int GossipPeriodMs = 300;

    private KeyPair KeyOf(int index)
    {
        var scalar = new byte[32];
        scalar[0] = 0x5e;
        scalar[31] = (byte)(index + 1);
        return Suite.FromPrivateKey(scalar);
    }

    /// <summary>True when an honest node should die right after persisting its WAL, before any effect (kill -9).</summary>
    public bool TearCrashNow() => !Healed && Scenario.TearCrashRate > 0 && Random.NextDouble() < Scenario.TearCrashRate;
}
