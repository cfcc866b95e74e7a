using Microsoft.Extensions.Logging.Abstractions;
using TrustLedger.Consensus;
using TrustLedger.Consensus.Inputs;
using TrustLedger.Consensus.Wal;
using TrustLedger.Node.Storage;
using Xunit;

namespace TrustLedger.Node.Storage.Tests;

public sealed class FileConsensusWalTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tl-wal-" + Guid.NewGuid().ToString("N"));

    private static WalRecord Timeout(ulong height, int round) => new WalInput(new TimeoutFired(height, round, RoundStep.Propose));

    [Fact]
    public void Records_survive_reopening_in_append_order()
    {
        using (var wal = FileConsensusWal.Open(_dir, NullLogger.Instance))
        {
            wal.Append([Timeout(1, 0), Timeout(1, 1)]);
            wal.Append([Timeout(2, 0)]);
        }
        using var reopened = FileConsensusWal.Open(_dir, NullLogger.Instance);
        Assert.Equal([Timeout(1, 0), Timeout(1, 1), Timeout(2, 0)], reopened.ReadAll());
    }

    [Fact]
    public void A_torn_last_record_is_cut_off_and_appending_continues_after_the_good_ones()
    {
        using (var wal = FileConsensusWal.Open(_dir, NullLogger.Instance)) wal.Append([Timeout(1, 0), Timeout(1, 1)]);
        var path = Path.Combine(_dir, "consensus.wal");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^3]); // crash in the middle of the second record
        using (var wal = FileConsensusWal.Open(_dir, NullLogger.Instance))
        {
            Assert.Equal([Timeout(1, 0)], wal.ReadAll());
            wal.Append([Timeout(1, 2)]);
        }
        using var reopened = FileConsensusWal.Open(_dir, NullLogger.Instance);
        Assert.Equal([Timeout(1, 0), Timeout(1, 2)], reopened.ReadAll());
    }

    [Fact]
    public void A_corrupted_record_ends_the_log_there()
    {
        using (var wal = FileConsensusWal.Open(_dir, NullLogger.Instance)) wal.Append([Timeout(1, 0), Timeout(1, 1)]);
        var path = Path.Combine(_dir, "consensus.wal");
        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0xFF; // checksum no longer matches
        File.WriteAllBytes(path, bytes);
        using var reopened = FileConsensusWal.Open(_dir, NullLogger.Instance);
        Assert.Equal([Timeout(1, 0)], reopened.ReadAll());
    }

    [Fact]
    public void Pruning_keeps_the_records_at_and_above_the_height_once_the_file_is_large()
    {
        using (var wal = FileConsensusWal.Open(_dir, NullLogger.Instance))
        {
            var big = Enumerable.Range(0, 20_000).Select(i => Timeout((ulong)(i / 1000 + 1), i % 1000)).ToList();
            for (var i = 0; i < 40; i++) wal.Append(big); // well past the rewrite threshold
            wal.PruneBelow(20);
            Assert.All(wal.ReadAll(), r => Assert.True(r.Height >= 20));
            wal.Append([Timeout(21, 0)]);
        }
        using var reopened = FileConsensusWal.Open(_dir, NullLogger.Instance);
        var records = reopened.ReadAll();
        Assert.Equal(40 * 1000 + 1, records.Count);
        Assert.Equal(Timeout(21, 0), records[^1]);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}
