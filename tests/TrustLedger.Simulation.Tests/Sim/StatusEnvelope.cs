namespace TrustLedger.Simulation.Tests.Sim;

/// <summary>"I am stuck at (height, round)": peers answer with what the sender may have missed.</summary>
internal sealed record StatusEnvelope(ulong Height, int Round) : Envelope;
