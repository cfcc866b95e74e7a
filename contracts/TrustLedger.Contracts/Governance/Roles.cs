namespace TrustLedger.Contracts.Governance;

/// <summary>The roles an organisation may hold. Each permission in every contract names one or more.</summary>
public static class Roles
{
    /// <summary>Proposes and approves governance changes; sets points caps.</summary>
    public const string Admin = "admin";
    /// <summary>Read-only third-party assessor: no transaction needs it.</summary>
    public const string Auditor = "auditor";
    /// <summary>Awards points to residents.</summary>
    public const string Community = "community";
    /// <summary>Owns and requests datasets; accepts and handles cases.</summary>
    public const string Department = "department";
    /// <summary>Grid worker organisation: reports cases.</summary>
    public const string Grid = "grid";
    /// <summary>The city hub: reports, hands over, closes, escalates cases.</summary>
    public const string Hub = "hub";
    /// <summary>Redemption store: submits residents' redemptions.</summary>
    public const string Store = "store";
    /// <summary>May run a validator (be named in the validator set).</summary>
    public const string Validator = "validator";

    /// <summary>Every role, sorted ordinal.</summary>
    public static readonly IReadOnlyList<string> All = [Admin, Auditor, Community, Department, Grid, Hub, Store, Validator];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
