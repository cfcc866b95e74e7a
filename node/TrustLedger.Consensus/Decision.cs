using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Consensus;

/// <summary>A final value: the host turns <see cref="Value"/> into the committed block and stores <see cref="Certificate"/> with it.</summary>
public sealed record Decision(ulong Height, int Round, Hash32 ValueId, byte[] Value, CommitCertificate Certificate);
