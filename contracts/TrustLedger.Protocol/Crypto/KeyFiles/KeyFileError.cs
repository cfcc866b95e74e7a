namespace TrustLedger.Protocol.Crypto.KeyFiles;

/// <summary>Why a key file could not be loaded; see <see cref="KeyFileException.Error"/>.</summary>
public enum KeyFileError
{
    /// <summary>The MAC did not match: the password is wrong (or the ciphertext was altered; the two cannot be told apart).</summary>
    WrongPassword,

    /// <summary>The file is not a well-formed v3 key file, or its parts disagree (address, public key, key range).</summary>
    Corrupt,

    /// <summary>The file names a crypto suite this build does not know.</summary>
    UnknownSuite,

    /// <summary>Well-formed, but uses a version, cipher, KDF or KDF cost this reader refuses.</summary>
    Unsupported,
}
