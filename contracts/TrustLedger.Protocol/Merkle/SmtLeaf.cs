using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Merkle;

/// <summary>
/// A key/value entry. Its hash <c>H(0x00 ‖ keyHash ‖ valueHash)</c> does not depend on its depth, so a leaf can move
/// up or down as neighbours come and go without being rehashed.
/// </summary>
internal sealed class SmtLeaf(Hash32 keyHash, byte[] key, byte[] value) : SmtNode
{
    public Hash32 KeyHash { get; } = keyHash;

    public byte[] Key { get; } = key;

    public byte[] Value { get; set; } = value;

    /// <summary><c>H(Value)</c>; valid only while <see cref="SmtNode.Dirty"/> is false.</summary>
    public Hash32 ValueHash;
}
