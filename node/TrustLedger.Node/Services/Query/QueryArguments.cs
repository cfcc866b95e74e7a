using System.Globalization;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Common;
using TrustLedger.Contracts.Membership;
using TrustLedger.Contracts.Messages;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Services;

/// <summary>Checks the arguments of query calls: a malformed one is INVALID_ARGUMENT naming the field, an unknown organisation NOT_FOUND.</summary>
internal static class QueryArguments
{
    public const uint DefaultLimit = 100;
    public const uint MaxLimit = 1000;

    /// <summary>An object id (64 hex digits, optional 0x), normalised to the contracts' lower-case form.</summary>
    public static string ObjectId(string value, string field) =>
        Ids.Normalise(value) ?? throw RpcErrors.Invalid($"{field} must be a 64-digit hex id, got '{Text.Clip(value)}'");

    /// <summary>A 20-byte address as 40 hex digits (optional 0x).</summary>
    public static Address Address(string value, string field) =>
        Protocol.Primitives.Address.TryParse(value, out var address)
            ? address
            : throw RpcErrors.Invalid($"{field} must be a 20-byte address in hex, got '{Text.Clip(value)}'");

    /// <summary>The id of an organisation that exists in state (active or removed).</summary>
    public static OrganisationRecord Organisation(IStateStore state, string value, string field)
    {
        if (!Ids.IsOrganisationId(value))
            throw RpcErrors.Invalid($"{field} must be an organisation id (letters, digits, '.', '_', '-'), got '{Text.Clip(value)}'");
        return MembershipState.GetOrganisation(state, value) ?? throw RpcErrors.NotFound($"organisation '{value}' does not exist");
    }

    /// <summary>Active organisations holding <paramref name="role"/>, sorted by id.</summary>
    public static IReadOnlyList<string> Holding(IStateStore state, string role) =>
        [.. MembershipState.OrganisationIds(state).Where(id => MembershipState.HasRole(state, id, role))];

    /// <summary>A list argument of at most <paramref name="max"/> entries (each entry costs a state read).</summary>
    public static IReadOnlyList<string> List(IReadOnlyList<string> values, int max, string field) =>
        values.Count <= max ? values : throw RpcErrors.Invalid($"{field} may name at most {max} entries, got {values.Count}");

    public static (ulong From, int Limit) Page(ulong from, uint limit)
    {
        if (limit > MaxLimit) throw RpcErrors.Invalid($"limit must be at most {MaxLimit}, got {limit}");
        return (from == 0 ? 1 : from, (int)(limit == 0 ? DefaultLimit : limit));
    }

    /// <summary>The position to ask for after a page of <paramref name="count"/> items from <paramref name="from"/>; 0 at the end.</summary>
    public static ulong Next(ulong from, int count, ulong total) =>
        from + (ulong)count <= total && count > 0 ? from + (ulong)count : 0;

    /// <summary>A UTC calendar period: <c>yyyyMMdd</c> (day) or <c>yyyyMM</c> (month).</summary>
    public static string Period(string value, string format, string field) =>
        DateTime.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? value
            : throw RpcErrors.Invalid($"{field} must be a date as {format}, got '{Text.Clip(value)}'");
}
