namespace TrustLedger.Node.Core.Chain;

/// <summary>Re-executing a stored block gave a different result than its header records: the contract code or the store is not the one that produced the chain.</summary>
public sealed class ReplayMismatchException(ulong height, string what)
    : Exception($"replay of block {height} does not match its header: {what}")
{
    public ulong Height { get; } = height;
}
