using TrustLedger.Consensus.Inputs;
using TrustLedger.Consensus.Messages;
using TrustLedger.Consensus.Validators;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Consensus.Tests.Support;

/// <summary>n validators with fixed keys, and helpers to sign messages as any of them.</summary>
internal sealed class Fixture
{
    public const string ChainId = "tl-test";

    public Fixture(int n = 4, ICryptoSuite? suite = null)
    {
        Suite = suite ?? CryptoSuites.Eth;
        Keys = Enumerable.Range(0, n).Select(i => KeyOf(Suite, i)).ToArray();
        Set = new ValidatorSet(Keys.Select(k => new Validator(k.Address, k.PublicKey)));
    }

    public ICryptoSuite Suite { get; }
    public KeyPair[] Keys { get; }
    public ValidatorSet Set { get; }
    public TestValues Values { get; } = new();
    public TimeoutPolicy Timeouts { get; } = new(
        TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(100),
        TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(100),
        TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(100),
        TimeSpan.FromSeconds(10));

    public static KeyPair KeyOf(ICryptoSuite suite, int index)
    {
        var scalar = new byte[32];
        scalar[0] = 0x11;
        scalar[31] = (byte)(index + 1);
        return suite.FromPrivateKey(scalar);
    }

    public ConsensusConfig Config(int index, bool disableLocking = false) => new()
    {
        ChainId = ChainId,
        Suite = Suite,
        SigningKey = index >= 0 ? Keys[index] : null,
        Validators = new StaticValidatorSetProvider(Set),
        ProposalValidator = Values,
        Timeouts = Timeouts,
        UnsafeDisableLocking = disableLocking,
    };

    /// <summary>A core for validator <paramref name="index"/> (−1: an observer), already started with an empty WAL.</summary>
    public ConsensusCore Started(int index, ulong startHeight = 1) => Started(index, startHeight, out _);

    public ConsensusCore Started(int index, ulong startHeight, out Outputs.StepResult first)
    {
        var core = new ConsensusCore(Config(index), startHeight);
        first = core.Step(new Restart([]));
        return core;
    }

    public int ProposerOf(ulong height, int round) => (int)((height + (ulong)round) % (ulong)Keys.Length);

    public Vote Vote(int index, VoteType type, ulong height, int round, Hash32? valueId) =>
        Messages.Vote.Create(ChainId, Suite, Keys[index], type, height, round, valueId);

    public VoteReceived Prevote(int index, ulong height, int round, Hash32? valueId) => new(Vote(index, VoteType.Prevote, height, round, valueId));

    public VoteReceived Precommit(int index, ulong height, int round, Hash32? valueId) => new(Vote(index, VoteType.Precommit, height, round, valueId));

    public ProposalReceived Proposal(ulong height, int round, byte[] value, int validRound = -1, int? by = null) =>
        new(Messages.Proposal.Create(ChainId, Suite, Keys[by ?? ProposerOf(height, round)], height, round, validRound, TestValues.IdOf(value), value));

    public static byte[] Value(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
