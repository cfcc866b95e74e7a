namespace TrustLedger.EndToEnd.Tests.Support;

/// <summary>A dedicated <c>eth</c> dev node for tests that add admin organisations (which changes every later proposal's threshold).</summary>
public sealed class QuorumNodeFixture() : DedicatedNodeFixture("eth");
