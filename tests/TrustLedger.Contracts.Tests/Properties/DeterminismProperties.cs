using CsCheck;
using TrustLedger.Contracts.Tests.Support;
using Xunit;

namespace TrustLedger.Contracts.Tests.Properties;

/// <summary>Replaying the same transactions on a fresh state gives the same state at every block (invariant 5).</summary>
public sealed class DeterminismProperties
{
    internal static readonly Gen<Op> AnyOp = Gen.Select(Gen.Int[0, Workload.KindNames.Length - 1], Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 1000])
        .Select((k, a, b, c) => new Op(k, a, b, c));

    [Fact]
    public void Replay_gives_the_same_state_at_every_block()
    {
        AnyOp.Array[1, 160].Sample(ops =>
        {
            var first = new Workload(new TestNetwork());
            first.Run(ops);
            var replay = new Workload(new TestNetwork());
            replay.Run(ops);
            Assert.Equal(first.BlockDumps.Count, replay.BlockDumps.Count);
            for (var i = 0; i < first.BlockDumps.Count; i++)
                Assert.True(first.BlockDumps[i] == replay.BlockDumps[i], $"state differs after block {i + 1}");
        }, iter: 60);
    }

    [Fact]
    public void A_long_workload_exercises_every_contract_with_both_outcomes()
    {
        var rng = new Random(20260301);
        var ops = Enumerable.Range(0, 3000).Select(_ => new Op(rng.Next(Workload.KindNames.Length), rng.Next(1000), rng.Next(1000), rng.Next(1000))).ToList();
        var workload = new Workload(new TestNetwork());
        workload.Run(ops);
        Assert.True(workload.Succeeded > 500, $"only {workload.Succeeded} transactions succeeded");
        Assert.True(workload.Refused > 300, $"only {workload.Refused} transactions were refused");
        var keys = workload.Network.State.Keys.ToList();
        foreach (var prefix in new[] { "d/grant/", "d/acc/", "c/case/", "c/hist/", "c/stat/dept/", "p/acct/", "p/rdm/", "g/prop/" })
            Assert.True(keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal)), $"no state under {prefix}");
    }
}
