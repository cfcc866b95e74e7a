using Google.Protobuf;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Membership;
using TrustLedger.Contracts.Messages;
using TrustLedger.Contracts.Points;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Encoding;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Contracts.Tests.Support;

/// <summary>
/// The contracts on an in-memory state with BlockExecutor's semantics: the sender's organisation comes from
/// <c>m/key/</c> (a non-member is dropped), each transaction runs in a scratch overlay that is merged only on
/// success, and an overflow is a refusal. Keys are derived from the organisation id, so runs are reproducible.
/// </summary>
public sealed class TestNetwork
{
    public const string ChainId = "contracts-test";
    public static readonly ICryptoSuite Suite = CryptoSuites.Eth;
    public static readonly long Start = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>Three admins (majority 2), the hub, a grid organisation, three departments, a community, two stores, an auditor, a validator operator.</summary>
    public static readonly IReadOnlyList<(string Id, string[] Roles)> DefaultOrganisations =
    [
        ("admin-1", ["admin"]), ("admin-2", ["admin"]), ("admin-3", ["admin"]),
        ("hub", ["hub"]), ("grid-1", ["grid"]),
        ("dept-a", ["department"]), ("dept-b", ["department"]), ("dept-c", ["department"]),
        ("community-1", ["community"]), ("store-1", ["store"]), ("store-2", ["store"]),
        ("auditor", ["auditor"]), ("validators", ["validator"]),
    ];

    private static readonly Dictionary<string, KeyPair> KeyCache = new(StringComparer.Ordinal);
    private ulong _txCounter;

    public TestNetwork(
        IEnumerable<(string Id, string[] Roles)>? organisations = null,
        PointsOptions? points = null,
        GovernanceGenesisOptions? governance = null,
        IReadOnlyDictionary<string, string[]>? tlsCaPems = null)
    {
        var orgs = (organisations ?? DefaultOrganisations).ToList();
        Genesis = new GenesisDocument
        {
            ChainId = ChainId,
            CryptoSuite = Suite.Name,
            GenesisTimeMs = Start - 1000,
            Organisations = [.. orgs.Select(o => new OrganisationEntry { Id = o.Id, Name = o.Id, Roles = o.Roles, Keys = [Hex.Encode(KeyOf(o.Id).PublicKey)], TlsCaCertificates = tlsCaPems?.GetValueOrDefault(o.Id) })],
            Validators = [new ValidatorEntry { Organisation = (orgs.FirstOrDefault(o => o.Roles.Contains("validator")) is { Id: not null } v ? v : orgs[0]).Id, PublicKey = Hex.Encode(KeyOf("validator-node").PublicKey) }],
        };
        MembershipState.Initialise(State, Genesis, pk => Suite.AddressOf(pk), governance ?? new GovernanceGenesisOptions());
        Registry = ContractRegistry.Create(Suite, ChainId, points);
    }

    public GenesisDocument Genesis { get; }
    public MemoryState State { get; } = new();
    public ContractRegistry Registry { get; }
    public ulong Height { get; private set; } = 1;
    public long TimeMs { get; private set; } = Start;

    /// <summary>Key number <paramref name="index"/> of a name (an organisation or a resident), the same in every run.</summary>
    public static KeyPair KeyOf(string name, int index = 0)
    {
        lock (KeyCache)
        {
            var id = $"{name}#{index}";
            if (!KeyCache.TryGetValue(id, out var key))
                KeyCache[id] = key = Suite.FromPrivateKey(DigestHashFunction.Sha256.Hash(System.Text.Encoding.UTF8.GetBytes(id)).ToArray());
            return key;
        }
    }

    public static Address AddressOf(string name, int index = 0) => KeyOf(name, index).Address;

    /// <summary>Starts the next block, <paramref name="advanceMs"/> later.</summary>
    public void NextBlock(long advanceMs = 1_000)
    {
        Height++;
        TimeMs += advanceMs;
    }

    public TxOutcome Run(string organisation, string type, IMessage payload) => Run(KeyOf(organisation), type, payload.ToByteArray());

    public TxOutcome Run(KeyPair sender, string type, IMessage payload) => Run(sender, type, payload.ToByteArray());

    public TxOutcome Run(KeyPair sender, string type, byte[] payload)
    {
        _txCounter++;
        var txId = Suite.Hash.Hash(new CanonicalWriter().U64(_txCounter).Address(sender.Address).String(type).Bytes(payload).WrittenSpan);
        var organisation = MembershipState.OrganisationOf(State, sender.Address);
        if (organisation is null)
            return new TxOutcome(txId, ErrorCode.PermissionDenied, $"sender {sender.Address} is not a key of any organisation", null);
        var contract = Registry.Find(type);
        if (contract is null) return new TxOutcome(txId, ErrorCode.InvalidArgument, $"no contract handles '{type}'", null);
        var scratch = new ScratchState(State);
        ContractResult result;
        try
        {
            result = contract.Execute(new TxContext(txId, sender.Address, organisation, type, payload, Height, TimeMs), scratch);
        }
        catch (OverflowException)
        {
            result = ContractResult.Invalid("arithmetic overflow");
        }
        if (!result.Success) return new TxOutcome(txId, result.Code, result.Message, null);
        scratch.MergeInto(State);
        return new TxOutcome(txId, ErrorCode.None, "", ContractOutput.Parser.ParseFrom(result.Output));
    }

    /// <summary>Runs a transaction expected to be refused with <paramref name="expected"/>, and checks that state did not change.</summary>
    public TxOutcome Refused(ErrorCode expected, string organisation, string type, IMessage payload)
    {
        var before = State.Dump();
        var outcome = Run(organisation, type, payload);
        Xunit.Assert.True(outcome.Code == expected, $"{type} by {organisation}: expected {expected}, got {outcome}");
        Xunit.Assert.Equal(before, State.Dump());
        return outcome;
    }
}
