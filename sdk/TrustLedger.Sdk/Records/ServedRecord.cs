using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Sdk.Records;

/// <summary>What an owner's node answered to a record request, before the requester opens and checks it.</summary>
public sealed record ServedRecord(byte[] Envelope, Hash32 AccessTxId, ulong AccessHeight, ulong AccessSequence);
