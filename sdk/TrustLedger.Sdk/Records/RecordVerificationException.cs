namespace TrustLedger.Sdk.Records;

/// <summary>
/// A served record failed the requester's checks and was discarded: the envelope did not open, or the record does
/// not match the access receipt committed on the ledger. Report it to the owner and an auditor; never use the record.
/// </summary>
public sealed class RecordVerificationException(string message) : Exception(message);
