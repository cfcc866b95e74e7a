namespace TrustLedger.Simulation.Tests.Sim;

/// <summary>Block sync: a decided value with its encoded certificate; <paramref name="SenderHeight"/> tells a lagging peer to ask again.</summary>
internal sealed record CommitEnvelope(byte[] Value, byte[] Certificate, ulong SenderHeight) : Envelope;
