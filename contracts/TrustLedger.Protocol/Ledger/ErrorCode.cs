namespace TrustLedger.Protocol.Ledger;

/// <summary>Why a transaction was refused or failed. Values mirror gRPC status codes so the node maps them one to one.</summary>
public enum ErrorCode
{
    None = 0,
    InvalidArgument = 3,
    NotFound = 5,
    AlreadyExists = 6,
    PermissionDenied = 7,
    ResourceExhausted = 8,
    FailedPrecondition = 9,
    /// <summary>A contract threw: a bug, recorded as a failed receipt so the block still commits.</summary>
    Internal = 13,
    /// <summary>Missing or invalid signature.</summary>
    Unauthenticated = 16,
}
