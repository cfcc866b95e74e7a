using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Core.Access;

/// <summary>The organisations a grant concerns: the dataset's owner and the requester (the grantee).</summary>
public sealed record GrantParties(string Owner, string Requester);

/// <summary>The organisations a case concerns: who reported it and every department of its hand-over chain.</summary>
public sealed record CaseParties(string Reporter, IReadOnlyList<string> Departments);

/// <summary>
/// Who a committed transaction concerns: its sender's key, the organisation that held that key (null for a resident),
/// and the organisations it is about (the grantee of an access receipt).
/// </summary>
public sealed record TxParties(Address Sender, string? SenderOrganisation, IReadOnlyList<string> Concerned);
