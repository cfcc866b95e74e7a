namespace TrustLedger.Contracts.Abstractions;

/// <summary>
/// Key/value state as a contract sees it. Writes are buffered: they reach the authenticated state map
/// only if the transaction succeeds, so a refused transaction changes nothing.
/// </summary>
public interface IStateStore
{
    byte[]? Get(ReadOnlySpan<byte> key);
    void Set(byte[] key, byte[] value);
    void Remove(byte[] key);
}
