using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Membership;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Crypto;

namespace TrustLedger.Node.Core.Chain;

/// <summary>
/// The validator set of a height, read from committed state (<see cref="MembershipState.ValidatorsAt"/>): the genesis
/// set from height 1, then each set governance scheduled. Governance schedules a set executed in block s for height
/// s + 2 or later, so the state after block s fixes the sets of every height up to s + 2.
/// </summary>
public static class ValidatorSchedule
{
    /// <summary>Heights beyond the state's height whose set that state already fixes.</summary>
    public const ulong Lookahead = 2;

    /// <summary>
    /// The set that signs block <paramref name="height"/>: equal power 1, in the order governance (or the genesis)
    /// listed them, which drives proposer rotation.
    /// </summary>
    /// <exception cref="InvalidOperationException">The state schedules no set for the height (only before genesis is written).</exception>
    public static ValidatorSet At(IStateStore state, ICryptoSuite suite, ulong height)
    {
        var scheduled = MembershipState.ValidatorsAt(state, height)
            ?? throw new InvalidOperationException($"the ledger state schedules no validator set for height {height}");
        return new ValidatorSet(scheduled.Validators.Select(v =>
        {
            var publicKey = v.PublicKey.ToByteArray();
            return new Validator(suite.AddressOf(publicKey), publicKey);
        }));
    }
}
