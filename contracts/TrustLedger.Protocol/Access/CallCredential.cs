using System.Globalization;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Encoding;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Access;

/// <summary>
/// Who makes a gRPC call, proven by a key: sent as the <c>tl-caller</c> header on every call, so a read is authorised
/// against the key's on-chain organisation and roles (or, for a key that belongs to no organisation, as a resident).
/// Signed bytes: <c>"TL/caller/v1" ‖ string(chain id) ‖ address(audience node) ‖ bytes(public key) ‖ i64(issued ms)</c>
/// in the canonical encoding. The audience binds a credential to the node it was made for, so a node that receives it
/// cannot replay it to another; it is valid for <see cref="Lifetime"/> after it was issued (clients re-sign each minute).
/// Header text: <c>v1.{public key hex}.{issued ms}.{signature hex}</c>.
/// </summary>
public sealed record CallCredential(byte[] PublicKey, long IssuedMs, byte[] Signature)
{
    public const string Header = "tl-caller";
    public static ReadOnlySpan<byte> SigningTag => "TL/caller/v1"u8;

    /// <summary>How long after issue a credential is accepted.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>How far in the future an issue time may lie (clock skew between client and node).</summary>
    public static readonly TimeSpan MaxSkew = TimeSpan.FromSeconds(30);

    public static byte[] SigningBytes(string chainId, Address audience, ReadOnlySpan<byte> publicKey, long issuedMs) =>
        new CanonicalWriter(128).Raw(SigningTag).String(chainId).Address(audience).Bytes(publicKey).I64(issuedMs).ToArray();

    /// <summary>Signs a credential for calls to the node <paramref name="audience"/> of chain <paramref name="chainId"/>.</summary>
    public static CallCredential Sign(ICryptoSuite suite, KeyPair key, string chainId, Address audience, long issuedMs)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(key);
        return new CallCredential(key.PublicKey, issuedMs, suite.Sign(key, SigningBytes(chainId, audience, key.PublicKey, issuedMs)));
    }

    public string ToHeader() =>
        $"v1.{Convert.ToHexStringLower(PublicKey)}.{IssuedMs.ToString(CultureInfo.InvariantCulture)}.{Convert.ToHexStringLower(Signature)}";

    /// <summary>Parses the header text; null and a reason when it is not a well-formed credential.</summary>
    public static CallCredential? TryParse(string text, out string? problem)
    {
        problem = null;
        var parts = text.Split('.');
        if (parts.Length != 4 || parts[0] != "v1")
        {
            problem = $"{Header} must be v1.<public key hex>.<issued ms>.<signature hex>";
            return null;
        }
        if (!TryHex(parts[1], 128, out var publicKey) || !TryHex(parts[3], 64, out var signature)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var issued))
        {
            problem = $"{Header} has a malformed public key, time or signature";
            return null;
        }
        return new CallCredential(publicKey, issued, signature);
    }

    /// <summary>Null when the credential is valid for <paramref name="audience"/> at <paramref name="nowMs"/>, else why not.</summary>
    public string? Problem(ICryptoSuite suite, string chainId, Address audience, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(suite);
        if (!suite.IsValidPublicKey(PublicKey)) return $"the {Header} public key is not a valid {suite.Name} key";
        if (IssuedMs > nowMs + (long)MaxSkew.TotalMilliseconds) return $"the {Header} credential is issued in the future (check the client's clock)";
        if (nowMs - IssuedMs > (long)Lifetime.TotalMilliseconds) return $"the {Header} credential expired (issued more than {Lifetime.TotalMinutes:0} minutes ago)";
        if (!suite.Verify(PublicKey, SigningBytes(chainId, audience, PublicKey, IssuedMs), Signature))
            return $"the {Header} signature does not verify for this chain and node";
        return null;
    }

    private static bool TryHex(string text, int maxBytes, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Length % 2 != 0 || text.Length > 2 * maxBytes) return false;
        try
        {
            bytes = Convert.FromHexString(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
