using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Consensus;

/// <summary>
/// The validators of one height, in a fixed order (the order given; it drives proposer rotation). Quorums are
/// by voting power: a quorum is more than 2/3 of the total (2f+1 of n = 3f+1 equal validators), a "one third"
/// is more than 1/3 (f+1).
/// </summary>
public sealed class ValidatorSet
{
    private readonly Dictionary<Address, Validator> _byAddress = new();

    public ValidatorSet(IEnumerable<Validator> validators)
    {
        var list = validators.ToList();
        if (list.Count == 0) throw new ArgumentException("a validator set needs at least one validator", nameof(validators));
        long total = 0;
        foreach (var v in list)
        {
            if (v.Power <= 0) throw new ArgumentException($"validator {v.Address} has non-positive power {v.Power}");
            if (!_byAddress.TryAdd(v.Address, v)) throw new ArgumentException($"validator {v.Address} appears twice");
            total = checked(total + v.Power);
        }
        if (total > long.MaxValue / 4) throw new ArgumentException("total voting power too large");
        Validators = list;
        TotalPower = total;
    }

    /// <summary>Builds a set of equal-power validators from public keys, deriving addresses with <paramref name="suite"/>.</summary>
    public static ValidatorSet FromPublicKeys(ICryptoSuite suite, IEnumerable<byte[]> publicKeys) =>
        new(publicKeys.Select(k => new Validator(suite.AddressOf(k), k)));

    public IReadOnlyList<Validator> Validators { get; }
    public int Count => Validators.Count;
    public long TotalPower { get; }

    /// <summary>
    /// The hash a block header names in <c>validator_set_hash</c>: <see cref="GenesisDocument.ComputeValidatorSetHash"/>
    /// over the public keys in set order, so the genesis set hashes as it always has. Voting power is not hashed:
    /// sets read from ledger state give every validator power 1.
    /// </summary>
    public Hash32 ComputeHash(IHashFunction hash) => GenesisDocument.ComputeValidatorSetHash(hash, Validators.Select(v => v.PublicKey));

    public bool Contains(Address address) => _byAddress.ContainsKey(address);

    public bool TryGet(Address address, out Validator validator) => _byAddress.TryGetValue(address, out validator!);

    /// <summary>True when <paramref name="power"/> is more than 2/3 of the total.</summary>
    public bool IsQuorum(long power) => checked(3 * power) > checked(2 * TotalPower);

    /// <summary>True when <paramref name="power"/> is more than 1/3 of the total: at least one honest validator is in it.</summary>
    public bool IsOneThird(long power) => checked(3 * power) > TotalPower;

    /// <summary>Round-robin by height + round over the set's order; every node computes the same proposer.</summary>
    public Validator Proposer(ulong height, int round) =>
        Validators[(int)((height + (ulong)round) % (ulong)Validators.Count)];
}
