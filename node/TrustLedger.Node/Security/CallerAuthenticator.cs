using System.Collections.Concurrent;
using Grpc.Core;
using TrustLedger.Node.Hosting;
using TrustLedger.Protocol.Access;

namespace TrustLedger.Node.Security;

/// <summary>
/// Establishes <see cref="CallerIdentity"/> for a gRPC call: the organisation of the TLS client certificate (through
/// <see cref="ICertificateOrganisations"/>) and the key of a <c>tl-caller</c> credential made for this chain and this
/// node. A malformed, expired, foreign or forged credential is UNAUTHENTICATED, never ignored. Verified credentials are
/// remembered until they expire, so a client re-using one pays for one signature check, not one per call.
/// </summary>
public sealed class CallerAuthenticator(NodeRuntime runtime, ICertificateOrganisations certificates, TimeProvider time)
{
    private const int MaxRemembered = 16_384;
    private readonly ConcurrentDictionary<string, (Protocol.Primitives.Address Key, long ExpiresMs)> _verified = new(StringComparer.Ordinal);

    /// <exception cref="RpcException">UNAUTHENTICATED for a credential that does not hold.</exception>
    public CallerIdentity Authenticate(ServerCallContext context)
    {
        var certificate = context.GetHttpContext().Connection.ClientCertificate;
        var certificateOrganisation = certificate is null ? null : certificates.OrganisationOf(certificate);
        var header = context.RequestHeaders.GetValue(CallCredential.Header);
        if (header is null) return certificateOrganisation is null ? CallerIdentity.Anonymous : new CallerIdentity(null, certificateOrganisation);
        return new CallerIdentity(KeyOf(header), certificateOrganisation);
    }

    private Protocol.Primitives.Address KeyOf(string header)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (_verified.TryGetValue(header, out var known) && known.ExpiresMs >= now) return known.Key;
        var credential = CallCredential.TryParse(header, out var malformed) ?? throw Unauthenticated(malformed!);
        if (credential.Problem(runtime.Chain.Suite, runtime.Chain.ChainId, runtime.Key.Address, now) is { } problem) throw Unauthenticated(problem);
        var key = runtime.Chain.Suite.AddressOf(credential.PublicKey);
        Remember(header, key, credential.IssuedMs + (long)CallCredential.Lifetime.TotalMilliseconds, now);
        return key;
    }

    private void Remember(string header, Protocol.Primitives.Address key, long expiresMs, long now)
    {
        if (_verified.Count >= MaxRemembered)
        {
            foreach (var (stale, entry) in _verified)
                if (entry.ExpiresMs < now) _verified.TryRemove(stale, out _);
            if (_verified.Count >= MaxRemembered) _verified.Clear(); // many live clients: re-verify rather than grow
        }
        _verified[header] = (key, expiresMs);
    }

    private static RpcException Unauthenticated(string reason) => new(new Status(StatusCode.Unauthenticated, reason));
}
