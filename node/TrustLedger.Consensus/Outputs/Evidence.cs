using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Consensus.Outputs;

/// <summary>Proof of equivocation: two validly signed, conflicting messages from <see cref="Offender"/> at one height and round.</summary>
public abstract record Evidence(Address Offender, ulong Height, int Round);
