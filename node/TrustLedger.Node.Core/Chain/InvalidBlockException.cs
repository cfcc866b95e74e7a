namespace TrustLedger.Node.Core.Chain;

/// <summary>A block received from a peer failed verification; nothing of it was applied or stored.</summary>
public sealed class InvalidBlockException(ulong height, string reason) : Exception($"block {height} rejected: {reason}")
{
    public ulong Height { get; } = height;
    public string Reason { get; } = reason;
}
