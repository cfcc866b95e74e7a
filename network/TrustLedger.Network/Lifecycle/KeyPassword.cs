namespace TrustLedger.Network.Lifecycle;

/// <summary>The password of the generated key files, the same rule as the node's: TL_KEY_PASSWORD, else the dev password.</summary>
public static class KeyPassword
{
    public const string Dev = "dev";

    public static string FromEnvironment() =>
        Environment.GetEnvironmentVariable("TL_KEY_PASSWORD") is { Length: > 0 } password ? password : Dev;
}
