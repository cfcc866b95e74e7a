using BenchmarkDotNet.Attributes;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Benchmarks;

/// <summary>Suite hashes of 256 bytes, about the size of a small transaction's signing bytes.</summary>
[MemoryDiagnoser]
public class HashBenchmarks
{
    private readonly byte[] _data = new byte[256];

    [GlobalSetup]
    public void Setup() => new Random(42).NextBytes(_data);

    [Benchmark]
    public Hash32 Keccak256() => DigestHashFunction.Keccak256.Hash(_data);

    [Benchmark]
    public Hash32 Sm3() => DigestHashFunction.Sm3.Hash(_data);

    [Benchmark(Baseline = true)]
    public Hash32 Sha256() => DigestHashFunction.Sha256.Hash(_data);
}
