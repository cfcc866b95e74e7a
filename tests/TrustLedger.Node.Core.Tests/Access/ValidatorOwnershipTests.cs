using Google.Protobuf;
using TrustLedger.Contracts.Messages;
using TrustLedger.Node.Core.Access;
using TrustLedger.Protocol.Crypto;
using Xunit;

namespace TrustLedger.Node.Core.Tests.Access;

/// <summary>A peer's certificate of organisation A never carries envelopes signed by B's validator key.</summary>
public sealed class ValidatorOwnershipTests
{
    private static readonly ICryptoSuite Suite = CryptoSuites.Eth;
    private static readonly KeyPair KeyOfA = Suite.GenerateKey();
    private static readonly KeyPair KeyOfB = Suite.GenerateKey();
    private static readonly KeyPair LaterKeyOfB = Suite.GenerateKey();

    private static ValidatorSchedule Schedule()
    {
        static ValidatorInfo Info(string org, KeyPair key) => new() { Organisation = org, PublicKey = ByteString.CopyFrom(key.PublicKey) };
        var genesis = new ValidatorSet { EffectiveHeight = 1, Validators = { Info("org-a", KeyOfA), Info("org-b", KeyOfB) } };
        var later = new ValidatorSet { EffectiveHeight = 40, Validators = { Info("org-a", KeyOfA), Info("org-b", LaterKeyOfB) } };
        return new ValidatorSchedule { Sets = { genesis, later } };
    }

    [Fact]
    public void An_organisation_runs_its_own_validator_keys_in_any_set()
    {
        Assert.True(ValidatorOwnership.Runs(Schedule(), Suite, "org-a", KeyOfA.Address));
        Assert.True(ValidatorOwnership.Runs(Schedule(), Suite, "org-b", KeyOfB.Address));
        Assert.True(ValidatorOwnership.Runs(Schedule(), Suite, "org-b", LaterKeyOfB.Address));
    }

    [Fact]
    public void An_organisation_never_runs_another_organisations_key_or_an_unknown_one()
    {
        Assert.False(ValidatorOwnership.Runs(Schedule(), Suite, "org-a", KeyOfB.Address));
        Assert.False(ValidatorOwnership.Runs(Schedule(), Suite, "org-b", KeyOfA.Address));
        Assert.False(ValidatorOwnership.Runs(Schedule(), Suite, "org-c", KeyOfA.Address));
        Assert.False(ValidatorOwnership.Runs(Schedule(), Suite, "org-a", Suite.GenerateKey().Address));
    }
}
