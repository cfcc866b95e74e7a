using BenchmarkDotNet.Running;

// Run from the repository root, in Release, one benchmark at a time on a shared machine:
//   dotnet run -c Release --project tests/TrustLedger.Protocol.Benchmarks -- --filter '*EthVerify*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
