namespace TrustLedger.Protocol.Merkle;

/// <summary>
/// An interior node: <c>H(0x01 ‖ left ‖ right)</c>, a missing child hashing as <see cref="Primitives.Hash32.Zero"/>.
/// Invariant: at least two leaves lie below it (one child may be empty while the other is a branch).
/// </summary>
internal sealed class SmtBranch : SmtNode
{
    public SmtNode? Left;
    public SmtNode? Right;

    /// <summary>The child on the side of path bit <paramref name="bit"/> (false = 0 = left).</summary>
    public SmtNode? Child(bool bit) => bit ? Right : Left;

    public void SetChild(bool bit, SmtNode? child)
    {
        if (bit)
            Right = child;
        else
            Left = child;
    }
}
