namespace TrustLedger.Protocol.Crypto.Encryption;

/// <summary>
/// An envelope could not be opened. Authentication failures all carry one message on purpose: a caller learns
/// that the envelope is not for its key, was altered, or was sealed for other associated data — never which.
/// </summary>
public sealed class EnvelopeException(string message) : Exception(message)
{
    internal const string CannotOpen =
        "the envelope cannot be opened: it is not addressed to this key, was altered, or was sealed for another request";

    internal static EnvelopeException Unopenable() => new(CannotOpen);
}
