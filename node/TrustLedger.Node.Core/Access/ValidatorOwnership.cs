using TrustLedger.Contracts.Messages;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Core.Access;

/// <summary>Which organisation runs a validator key, by the governance schedule: how a peer's certificate is tied to the key signing its envelopes.</summary>
public static class ValidatorOwnership
{
    /// <summary>
    /// True when <paramref name="organisation"/> runs the validator whose address is <paramref name="validator"/> in any set
    /// of the schedule. Only that organisation's entries are hashed, so a peer call costs about one address derivation.
    /// </summary>
    public static bool Runs(ValidatorSchedule schedule, ICryptoSuite suite, string organisation, Address validator) =>
        schedule.Sets.SelectMany(set => set.Validators)
            .Any(v => v.Organisation == organisation && suite.AddressOf(v.PublicKey.Span) == validator);
}
