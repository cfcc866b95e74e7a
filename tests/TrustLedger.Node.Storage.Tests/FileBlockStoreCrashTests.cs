using System.Diagnostics;
using System.Globalization;
using TrustLedger.Protocol.Crypto;
using Xunit;

namespace TrustLedger.Node.Storage.Tests;

/// <summary>
/// Crashes: a store abandoned without Dispose (its files copied as the OS holds them), and a real child process
/// killed with SIGKILL while appending. Either way every acknowledged block is back after reopening.
/// </summary>
public sealed class FileBlockStoreCrashTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void StoreAbandonedWithoutDispose_ReopensFromTheFilesItLeft()
    {
        var chain = new TestBlocks();
        var live = _dir.File("live");
        var crashed = _dir.File("crashed");
        var store = FileBlockStore.Open(live, CryptoSuites.Eth);
        try
        {
            foreach (var block in chain.Take(10)) store.Append(block);
            // kill -9 now: nothing of the process survives but what the OS has for the files (LiteDB never flushed
            // or checkpointed). A second store in this process cannot open the live directory (it is locked), so
            // the crash image is a copy; a partial block 11 stands for the append in flight.
            LogFiles.CopyStoreFiles(live, crashed);
            LogFiles.AppendBytes(LogFiles.Segment(crashed, 1), LogFiles.Record(chain[11]).AsSpan(0, 100));
        }
        finally
        {
            store.Dispose();
        }

        using (var reopened = FileBlockStore.Open(crashed, CryptoSuites.Eth))
        {
            StoreAssert.HoldsPrefix(chain, reopened, 10);
            reopened.Append(chain[11]);
        }
        using var again = FileBlockStore.Open(crashed, CryptoSuites.Eth);
        StoreAssert.HoldsPrefix(chain, again, 11);
    }

    [Fact]
    public async Task KilledWriterProcess_LosesNoAcknowledgedBlock()
    {
        var chain = new TestBlocks(CryptoSuites.Eth, CrashWriter.TxsPerBlock, sign: false);
        var acked = 0UL;
        for (var round = 0; round < 3; round++)
        {
            var (opened, lastAcked) = await RunWriterAndKill(_dir.Path, acked + 15);
            Assert.True(opened >= acked, $"round {round}: child opened at {opened}, {acked} had been acknowledged");
            acked = lastAcked;

            using var store = FileBlockStore.Open(_dir.Path, CryptoSuites.Eth);
            // Blocks appended after the last line we read (or in flight, fsynced but unreported) may be there too;
            // every block present must be exactly the one written.
            Assert.True(store.Height >= acked, $"round {round}: height {store.Height} after {acked} were acknowledged");
            StoreAssert.HoldsPrefix(chain, store, store.Height);
        }
    }

    /// <summary>Runs this assembly as <see cref="CrashWriter"/> and SIGKILLs it once it has acknowledged <paramref name="target"/>.</summary>
    private static async Task<(ulong Opened, ulong Acked)> RunWriterAndKill(string directory, ulong target)
    {
        var start = new ProcessStartInfo(DotnetHost(), [typeof(CrashWriter).Assembly.Location, "crash-writer", directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the writer process");
        var errors = child.StandardError.ReadToEndAsync(timeout.Token);
        ulong opened = 0, acked = 0;
        try
        {
            while (acked < target)
            {
                var line = await child.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"writer exited early: {await errors}");
                var parts = line.Split(' ');
                var value = ulong.Parse(parts[1], CultureInfo.InvariantCulture);
                if (parts[0] == "opened") opened = value;
                else acked = value;
            }
        }
        finally
        {
            child.Kill(); // SIGKILL on Unix: no finalizers, no Dispose, no flush
            await child.WaitForExitAsync(CancellationToken.None);
        }
        return (opened, acked);
    }

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    public void Dispose() => _dir.Dispose();
}
