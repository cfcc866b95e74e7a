namespace TrustLedger.Simulation.Tests.Sim;

/// <summary>What travels on the simulated wire: encoded bytes, so every hop exercises the codecs.</summary>
internal abstract record Envelope;
