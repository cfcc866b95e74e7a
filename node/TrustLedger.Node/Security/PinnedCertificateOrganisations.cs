using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using TrustLedger.Contracts.Membership;
using TrustLedger.Node.Core.Chain;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Security;

/// <summary>
/// Binds TLS certificates to on-chain organisations: a certificate speaks for organisation X when it chains to one of
/// X's CA certificates pinned in the committed state (genesis or governance), is within its validity period (and so
/// is every certificate of its chain), carries the purpose asked for (client or server authentication), and neither it
/// nor any certificate of its chain is revoked by X's pins. Only the pinned CAs are trusted — no OS store, no
/// revocation lookups over the network. Since each CA is pinned by one organisation at most (the contract and the
/// genesis refuse a shared CA), a certificate maps to exactly one organisation; a removed organisation pins nothing.
/// Verdicts are cached per certificate object until governance changes a pin, so per-call checks are cheap.
/// </summary>
public sealed class PinnedCertificateOrganisations : ICertificateOrganisations
{
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    private readonly LedgerState _ledger;
    private readonly TimeProvider _time;
    private readonly Lock _refresh = new();
    private readonly ConditionalWeakTable<X509Certificate2, Verdict> _clientVerdicts = new();
    private readonly ConditionalWeakTable<X509Certificate2, Verdict> _serverVerdicts = new();
    private volatile PinState? _state;

    public PinnedCertificateOrganisations(LedgerState ledger, TimeProvider time)
    {
        (_ledger, _time) = (ledger, time);
        Current();
    }

    /// <summary>The organisation a client certificate (TLS client authentication) speaks for, or null.</summary>
    public string? OrganisationOf(X509Certificate2 certificate) => Resolve(certificate, ClientAuthentication, _clientVerdicts);

    /// <summary>The organisation a peer node's server certificate belongs to, or null (for outgoing connections).</summary>
    public string? ServerOrganisationOf(X509Certificate2 certificate) => Resolve(certificate, ServerAuthentication, _serverVerdicts);

    /// <summary>Organisations that pin at least one CA now, sorted.</summary>
    public IReadOnlyList<string> PinningOrganisations => [.. Current().Organisations.Select(o => o.Id)];

    private string? Resolve(X509Certificate2 certificate, Oid purpose, ConditionalWeakTable<X509Certificate2, Verdict> cache)
    {
        var pins = Current();
        var now = _time.GetUtcNow();
        if (!cache.TryGetValue(certificate, out var verdict) || !ReferenceEquals(verdict.Pins, pins))
        {
            verdict = Verify(certificate, purpose, pins, now);
            cache.AddOrUpdate(certificate, verdict);
        }
        return now >= verdict.ValidFrom && now <= verdict.ValidUntil ? verdict.Organisation : null;
    }

    private static Verdict Verify(X509Certificate2 certificate, Oid purpose, TlsPinSnapshot pins, DateTimeOffset now)
    {
        foreach (var org in pins.Organisations)
        {
            using var chain = new X509Chain();
            var policy = chain.ChainPolicy;
            policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            policy.CustomTrustStore.AddRange(org.CaCertificates.ToArray());
            policy.RevocationMode = X509RevocationMode.NoCheck;
            policy.DisableCertificateDownloads = true;
            policy.VerificationTime = now.UtcDateTime;
            policy.ApplicationPolicy.Add(purpose);
            if (!chain.Build(certificate)) continue;
            var elements = chain.ChainElements.Select(e => e.Certificate).ToList();
            if (elements.Any(c => org.Revoked.Contains(Convert.ToHexString(SHA256.HashData(c.RawData)))))
                return new Verdict(pins, null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
            return new Verdict(pins, org.Id,
                elements.Max(c => new DateTimeOffset(c.NotBefore.ToUniversalTime())),
                elements.Min(c => new DateTimeOffset(c.NotAfter.ToUniversalTime())));
        }
        return new Verdict(pins, null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
    }

    // Pins are re-read from committed state when the state root moved; the snapshot object changes only with the pins.
    private TlsPinSnapshot Current()
    {
        var root = _ledger.HeadStateRoot;
        if (_state is { } state && state.Root == root) return state.Pins;
        lock (_refresh)
        {
            state = _state;
            if (state is null || state.Root != root)
                _state = state = new PinState(root, (state?.Pins ?? TlsPinSnapshot.Empty).With(_ledger.ReadState(MembershipState.TlsPinningOrganisations)));
            return state.Pins;
        }
    }

    private sealed record PinState(Hash32 Root, TlsPinSnapshot Pins);

    private sealed record Verdict(TlsPinSnapshot Pins, string? Organisation, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil);
}
