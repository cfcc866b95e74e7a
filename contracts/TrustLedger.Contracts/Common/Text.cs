using TrustLedger.Contracts.Abstractions;

namespace TrustLedger.Contracts.Common;

/// <summary>Field checks shared by the contracts; each returns a refusal naming the field, or null.</summary>
public static class Text
{
    public const int ShortMax = 128;
    public const int LongMax = 1024;

    /// <summary>A required free-text field of at most <paramref name="max"/> characters, without control characters.</summary>
    public static ContractResult? Required(string value, string field, int max = ShortMax) =>
        string.IsNullOrWhiteSpace(value) ? ContractResult.Invalid($"{field} is required") : Optional(value, field, max);

    public static ContractResult? Optional(string value, string field, int max = ShortMax)
    {
        if (value.Length > max) return ContractResult.Invalid($"{field} is longer than {max} characters");
        foreach (var c in value)
            if (char.IsControl(c)) return ContractResult.Invalid($"{field} contains a control character");
        return null;
    }

    /// <summary>A 32-byte digest field.</summary>
    public static ContractResult? Hash(Google.Protobuf.ByteString value, string field, bool required = true)
    {
        if (value.Length == 0 && !required) return null;
        return value.Length == 32 ? null : ContractResult.Invalid($"{field} must be a 32-byte hash, got {value.Length} bytes");
    }

    /// <summary>An object id (transaction id hex); returns the normalised id or a refusal.</summary>
    public static ContractResult? ObjectId(string value, string field, out string id)
    {
        id = Ids.Normalise(value) ?? "";
        return id.Length == 0 ? ContractResult.Invalid($"{field} must be a 64-digit hex id, got '{Clip(value)}'") : null;
    }

    public static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
