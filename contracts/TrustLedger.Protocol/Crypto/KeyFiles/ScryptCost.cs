namespace TrustLedger.Protocol.Crypto.KeyFiles;

/// <summary>
/// scrypt cost of a key file: <paramref name="N"/> (CPU and memory cost, a power of two), <paramref name="R"/>
/// (block size) and <paramref name="P"/> (parallelism). Memory is 128·N·r bytes, work grows with N·r·p.
/// </summary>
public readonly record struct ScryptCost(int N, int R, int P)
{
    // Bounds for files we read as well as write: a hostile or corrupt file must not be able to ask for gigabytes
    // or minutes, and Nethereum's scrypt sizes buffers with int arithmetic that would overflow past these.
    private const long MaxMemoryBytes = 1L << 30;
    private const long MaxWork = 1L << 24;

    /// <summary>geth's standard cost (N = 2¹⁸, r = 8, p = 1): 256 MiB and about a second. The default.</summary>
    public static ScryptCost Standard => new(1 << 18, 8, 1);

    /// <summary>geth's light cost (N = 2¹², r = 8, p = 6): 4 MiB. For development networks, never for real keys.</summary>
    public static ScryptCost Light => new(1 << 12, 8, 6);

    /// <summary>Why this cost is refused, or null when it is acceptable.</summary>
    internal string? Problem()
    {
        if (N < 2 || (N & (N - 1)) != 0) return $"scrypt n must be a power of two ≥ 2, got {N}";
        if (R is < 1 or > 64) return $"scrypt r must be 1–64, got {R}";
        if (P is < 1 or > 64) return $"scrypt p must be 1–64, got {P}";
        if (128L * R * N > MaxMemoryBytes) return $"scrypt n·r = {(long)N * R} needs more than {MaxMemoryBytes >> 20} MiB";
        if ((long)N * R * P > MaxWork) return $"scrypt n·r·p = {(long)N * R * P} exceeds the limit {MaxWork}";
        return null;
    }
}
