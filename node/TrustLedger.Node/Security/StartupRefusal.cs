namespace TrustLedger.Node.Security;

/// <summary>The node will not start: <see cref="Exception.Message"/> is one line naming the cause and the fix.</summary>
public sealed class StartupRefusal(string message) : Exception(message);
