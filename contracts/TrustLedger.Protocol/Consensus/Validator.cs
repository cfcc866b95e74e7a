using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Consensus;

/// <summary>One member of a validator set: its address, its public key (65-byte SEC1, verifies its messages) and voting power.</summary>
public sealed record Validator(Address Address, byte[] PublicKey, long Power = 1);
