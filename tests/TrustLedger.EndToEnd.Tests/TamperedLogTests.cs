using System.Buffers.Binary;
using System.Numerics;
using TrustLedger.EndToEnd.Tests.Support;
using TrustLedger.Protocol.Crypto.KeyFiles;
using TrustLedger.Sdk;
using Xunit;
using Xunit.Abstractions;

namespace TrustLedger.EndToEnd.Tests;

/// <summary>
/// Invariant 9 on a real node: its own block log is checked on start as a peer's block would be. A signature byte
/// changed on disk, with the record's checksum recomputed so the storage layer sees nothing wrong, stops the node with
/// the height and a one-line reason — it is never served.
/// </summary>
public sealed class TamperedLogTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_signature_byte_changed_on_disk_with_its_checksum_recomputed_stops_the_node_at_that_height()
    {
        await using var node = await NodeProcess.StartNew(output);
        ulong height;
        byte[] signature;
        using (var client = await TrustLedgerClient.ConnectAsync(node.Endpoint, KeyFile.Load(node.ClientKeyPath, NodeProcess.Password)))
        {
            await client.SubmitAsync("anchor.put", "before"u8.ToArray());
            var receipt = await client.SubmitAsync("anchor.put", "the one to tamper with"u8.ToArray());
            await client.SubmitAsync("anchor.put", "after"u8.ToArray());
            height = receipt.Height;
            signature = (await client.GetTransactionAsync(receipt.TxId)).Transaction.Signature;
        }
        await node.Kill();

        var segment = Directory.GetFiles(Path.Combine(node.DataDir, "blocks"), "blocks-*.log").Order().Last();
        FlipBitAndFixChecksum(segment, signature);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(node.Start);
        Assert.Contains("exited with 3", refused.Message);
        Assert.Contains($"fails verification at height {height}", refused.Message);
        Assert.Contains("signature", refused.Message);
    }

    /// <summary>Flips one bit inside <paramref name="signature"/> where it is stored and rewrites that record's CRC-32C (docs: LogFormat).</summary>
    private static void FlipBitAndFixChecksum(string segment, byte[] signature)
    {
        var bytes = File.ReadAllBytes(segment);
        var at = bytes.AsSpan().IndexOf(signature);
        Assert.True(at > 0, "the signature is stored in the log");
        bytes[at + 10] ^= 0x01;
        for (var record = 16; record < bytes.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(record + 4));
            var payload = record + 20;
            if (at >= payload && at < payload + length)
            {
                var crc = ~Crc(Crc(~0u, bytes.AsSpan(record + 4, 12)), bytes.AsSpan(payload, length));
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(record + 16), crc);
                File.WriteAllBytes(segment, bytes);
                return;
            }
            record = payload + length;
        }
        Assert.Fail("no record holds the signature");
    }

    private static uint Crc(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data) crc = BitOperations.Crc32C(crc, b);
        return crc;
    }
}
