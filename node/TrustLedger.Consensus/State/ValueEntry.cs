namespace TrustLedger.Consensus.State;

/// <summary>A value known at the current height, with the host's verdict on it.</summary>
internal sealed class ValueEntry(byte[] bytes, ValueVerdict verdict)
{
    public byte[] Bytes { get; } = bytes;
    public ValueVerdict Verdict { get; set; } = verdict;
}
