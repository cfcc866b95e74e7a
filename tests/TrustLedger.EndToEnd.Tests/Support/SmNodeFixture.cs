namespace TrustLedger.EndToEnd.Tests.Support;

/// <summary>A dedicated dev node on the <c>sm</c> suite (SM2 + SM3, 国密).</summary>
public sealed class SmNodeFixture() : DedicatedNodeFixture("sm");
