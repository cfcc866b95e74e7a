namespace TrustLedger.Sdk.Verification;

/// <summary>What a node sent does not check out against the genesis: a forged or wrong header, proof or value.</summary>
public sealed class VerificationException(string message) : Exception(message);
