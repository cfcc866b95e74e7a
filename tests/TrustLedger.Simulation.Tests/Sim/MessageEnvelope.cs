namespace TrustLedger.Simulation.Tests.Sim;

/// <summary>A consensus message (<see cref="Consensus.Messages.ConsensusMessage.Encode"/>), or garbage from an adversary.</summary>
internal sealed record MessageEnvelope(byte[] Bytes) : Envelope;
