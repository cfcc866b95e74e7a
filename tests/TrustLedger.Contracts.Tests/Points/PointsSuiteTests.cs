using Google.Protobuf;
using TrustLedger.Contracts.Abstractions;
using TrustLedger.Contracts.Membership;
using TrustLedger.Contracts.Messages;
using TrustLedger.Contracts.Points;
using TrustLedger.Contracts.Tests.Support;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;
using Xunit;

namespace TrustLedger.Contracts.Tests.Points;

public sealed class PointsSuiteTests
{
    /// <summary>Redemption signatures are checked with the network's own suite: SM2/SM3 on an <c>sm</c> network.</summary>
    [Theory]
    [InlineData("eth")]
    [InlineData("sm")]
    public void A_resident_signature_verifies_under_the_networks_suite(string suiteName)
    {
        var suite = CryptoSuites.Get(suiteName);
        var store = suite.FromPrivateKey(Key(1));
        var community = suite.FromPrivateKey(Key(2));
        var resident = suite.FromPrivateKey(Key(3));
        var genesis = new GenesisDocument
        {
            ChainId = "suite-test",
            CryptoSuite = suite.Name,
            GenesisTimeMs = 0,
            Organisations =
            [
                new OrganisationEntry { Id = "store", Roles = ["store"], Keys = [Hex.Encode(store.PublicKey)] },
                new OrganisationEntry { Id = "community", Roles = ["community", "validator"], Keys = [Hex.Encode(community.PublicKey)] },
            ],
            Validators = [new ValidatorEntry { Organisation = "community", PublicKey = Hex.Encode(community.PublicKey) }],
        };
        var state = new MemoryState();
        MembershipState.Initialise(state, genesis, suite.AddressOf);
        var contract = new PointsContract(suite, genesis.ChainId);

        ContractResult Run(KeyPair sender, string org, string type, IMessage payload)
        {
            var scratch = new ScratchState(state);
            var id = suite.Hash.Hash(payload.ToByteArray());
            var result = contract.Execute(new TxContext(id, sender.Address, org, type, payload.ToByteArray(), 5, 1_000), scratch);
            if (result.Success) scratch.MergeInto(state);
            return result;
        }

        Assert.True(Run(community, "community", PointsContract.AwardType,
            new AwardPointsRequest { Resident = ByteString.CopyFrom(resident.Address.Bytes), Amount = 50, ReasonCode = "vote" }).Success);
        var redeem = RedemptionAuthorisation.Sign(suite, genesis.ChainId, resident, "store", 20, "r-1", 2_000);
        var other = suiteName == "eth" ? CryptoSuites.Sm : CryptoSuites.Eth;
        var foreign = RedemptionAuthorisation.Sign(other, genesis.ChainId, other.FromPrivateKey(Key(3)), "store", 20, "r-2", 2_000);
        Assert.NotEqual(ErrorCode.None, Run(store, "store", PointsContract.RedeemType, foreign).Code);
        var result = Run(store, "store", PointsContract.RedeemType, redeem);
        Assert.True(result.Success, result.Message);
        Assert.Equal(30UL, PointsQueries.Balance(state, resident.Address, 1_000));
    }

    [Fact]
    public void Overflow_is_a_refusal_not_a_wrap()
    {
        var net = new TestNetwork(points: new PointsOptions(DefaultMonthlyCap: ulong.MaxValue, MaxAward: ulong.MaxValue));
        net.Run("community-1", PointsContract.AwardType, Payloads.Award("resident-1", ulong.MaxValue)).ShouldSucceed();
        net.NextBlock(40 * Scenario.Day); // a new month: the cap counter starts again, the balance does not
        var refused = net.Refused(ErrorCode.InvalidArgument, "community-1", PointsContract.AwardType, Payloads.Award("resident-1", 1));
        Assert.Contains("overflow", refused.Message);
    }

    private static byte[] Key(byte seed) => DigestHashFunction.Sha256.Hash([seed]).ToArray();
}
