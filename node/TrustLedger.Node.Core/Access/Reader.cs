using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Core.Access;

/// <summary>
/// A caller as the read policy sees it: the organisation it speaks for (from its TLS certificate or its member key)
/// with that organisation's committed roles, and the key that signed its call credential, if any. A key that belongs
/// to no organisation is a resident's. Both null: an anonymous caller, who may read only what is public.
/// </summary>
public sealed record Reader(string? Organisation, IReadOnlyList<string> Roles, Address? Key)
{
    public static readonly Reader Anonymous = new(null, [], null);

    public bool IsAnonymous => Organisation is null && Key is null;

    public bool Has(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public bool Is(string organisation) => Organisation is { } own && string.Equals(own, organisation, StringComparison.Ordinal);

    /// <summary>How refusals name the caller.</summary>
    public string Describe => Organisation is { } org ? $"organisation '{org}'" : Key is { } key ? $"key {key}" : "an anonymous caller";
}
