using BenchmarkDotNet.Attributes;
using TrustLedger.Protocol.Crypto;

namespace TrustLedger.Protocol.Benchmarks;

/// <summary>Sign and verify a 256-byte message under each suite; verify is the node's hot path.</summary>
[MemoryDiagnoser]
public class SignatureBenchmarks
{
    private readonly byte[] _message = new byte[256];
    private KeyPair _ethKey = null!;
    private KeyPair _smKey = null!;
    private byte[] _ethSignature = null!;
    private byte[] _smSignature = null!;

    [GlobalSetup]
    public void Setup()
    {
        new Random(42).NextBytes(_message);
        _ethKey = CryptoSuites.Eth.GenerateKey();
        _smKey = CryptoSuites.Sm.GenerateKey();
        _ethSignature = CryptoSuites.Eth.Sign(_ethKey, _message);
        _smSignature = CryptoSuites.Sm.Sign(_smKey, _message);
    }

    [Benchmark]
    public byte[] EthSign() => CryptoSuites.Eth.Sign(_ethKey, _message);

    [Benchmark]
    public bool EthVerify() => CryptoSuites.Eth.Verify(_ethKey.PublicKey, _message, _ethSignature);

    [Benchmark]
    public byte[] SmSign() => CryptoSuites.Sm.Sign(_smKey, _message);

    [Benchmark]
    public bool SmVerify() => CryptoSuites.Sm.Verify(_smKey.PublicKey, _message, _smSignature);
}
