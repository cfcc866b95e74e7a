using TrustLedger.Protocol.Consensus;

namespace TrustLedger.Consensus.Validators;

/// <summary>
/// The validator set that orders each height. Governance changes the set at a stated height; the host answers
/// from its committed state. Must be deterministic: every node asks for the same height and gets the same set.
/// </summary>
public interface IValidatorSetProvider
{
    /// <summary>The set for <paramref name="height"/>; called when the core enters that height and to check certificates.</summary>
    ValidatorSet GetValidatorSet(ulong height);
}
