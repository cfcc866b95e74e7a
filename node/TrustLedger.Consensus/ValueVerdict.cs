namespace TrustLedger.Consensus;

/// <summary>The host's judgement of a proposed value.</summary>
public enum ValueVerdict : byte
{
    /// <summary>Not known yet: the host delivers it later as a <see cref="Inputs.ValueVerdictReceived"/> input.</summary>
    Pending = 0,
    Valid = 1,
    Invalid = 2,
}
