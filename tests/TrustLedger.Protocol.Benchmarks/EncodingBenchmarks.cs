using BenchmarkDotNet.Attributes;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Protocol.Benchmarks;

/// <summary>Canonical signing bytes of a transaction with a 128-byte payload, built on every submit and verify.</summary>
[MemoryDiagnoser]
public class EncodingBenchmarks
{
    private Transaction _tx = null!;

    [GlobalSetup]
    public void Setup()
    {
        var key = CryptoSuites.Eth.GenerateKey();
        _tx = new Transaction("bench-chain", key.PublicKey, "grant.create", new byte[128], 1, 1_700_000_000_000, 1_700_000_060_000);
    }

    [Benchmark]
    public byte[] TxSigningBytes() => _tx.SigningBytes();
}
