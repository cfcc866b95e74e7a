using System.Buffers.Binary;
using System.Numerics;

namespace TrustLedger.Node.Storage;

/// <summary>CRC-32C (Castagnoli), the checksum of every block-log record; hardware-accelerated where the CPU has it.</summary>
internal static class Crc32C
{
    /// <summary>Standard CRC-32C of <paramref name="data"/> ("123456789" → 0xE3069283).</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => ~Append(~0u, data);

    /// <summary>Continues a running (pre-inverted) CRC over more bytes; start with ~0 and invert the result.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }
        foreach (var b in data) crc = BitOperations.Crc32C(crc, b);
        return crc;
    }
}
