namespace TrustLedger.Protocol.Crypto.KeyFiles;

/// <summary>
/// A key file could not be loaded. The message says why in words a user can act on; it never contains
/// the password or any private key material.
/// </summary>
public sealed class KeyFileException : Exception
{
    public KeyFileException(KeyFileError error, string message, Exception? inner = null)
        : base(message, inner) => Error = error;

    /// <summary>The kind of failure, for callers that react differently (for example, ask for the password again).</summary>
    public KeyFileError Error { get; }
}
