using TrustLedger.Protocol.Consensus;


namespace TrustLedger.Consensus.Inputs;

/// <summary>
/// A decided value with its commit certificate, from block sync or a peer's gossip. If it is for the current height
/// and the certificate verifies, the core decides it (after the host's validity verdict), exactly as if the
/// precommits had arrived one by one.
/// </summary>
public sealed record CommitReceived(byte[] Value, CommitCertificate Certificate) : ConsensusInput;
