using Google.Protobuf;
using TrustLedger.Node.Core.Chain;
using IValidatorSetSource = TrustLedger.Node.Core.Consensus.IValidatorSetSource;
using TrustLedger.Node.Peers;
using TrustLedger.Proto.Peer.V1;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Primitives;
using Xunit;

namespace TrustLedger.Node.Tests.Peers;

/// <summary>Peer traffic is accepted only from the network's validators, signed, fresh and for this chain.</summary>
public sealed class PeerEnvelopeTests
{
    private static readonly ICryptoSuite Suite = CryptoSuites.Eth;
    private readonly KeyPair[] _validators = [Suite.GenerateKey(), Suite.GenerateKey(), Suite.GenerateKey(), Suite.GenerateKey()];
    private readonly ChainConfig _chain;
    private readonly FixedSets _sets;
    private const long Now = 1_800_000_000_000;

    public PeerEnvelopeTests()
    {
        _chain = new ChainConfig(new GenesisDocument
        {
            ChainId = "peer-test",
            CryptoSuite = Suite.Name,
            GenesisTimeMs = Now - 60_000,
            Organisations = [.. _validators.Select((k, i) => new OrganisationEntry { Id = $"org{i}", Roles = ["validator"], Keys = [Hex.Encode(k.PublicKey)] })],
            Validators = [.. _validators.Select((k, i) => new ValidatorEntry { Organisation = $"org{i}", PublicKey = Hex.Encode(k.PublicKey) })],
        });
        _sets = new FixedSets(_chain.GenesisValidators);
    }

    private static PeerBody Body() => new() { Status = new PeerStatus { Height = 7, Round = 1 } };

    private string? Problem(PeerEnvelope envelope)
    {
        var opened = PeerEnvelopes.Open(envelope, _chain, _sets, 1, Now, out var problem);
        Assert.Equal(problem is null, opened is not null);
        return problem;
    }

    [Fact]
    public void A_validators_sealed_envelope_opens_with_its_sender_and_body()
    {
        var envelope = PeerEnvelopes.Seal(_chain, _validators[2], Body(), Now);
        var opened = PeerEnvelopes.Open(envelope, _chain, _sets, 1, Now, out _);
        Assert.Equal(_validators[2].Address, opened!.Value.Sender);
        Assert.Equal(7ul, opened.Value.Body.Status.Height);
    }

    [Fact]
    public void A_key_that_is_not_a_validator_is_refused_even_when_its_signature_is_fine()
    {
        var outsider = Suite.GenerateKey();
        Assert.Contains("not a validator", Problem(PeerEnvelopes.Seal(_chain, outsider, Body(), Now)));
    }

    [Fact]
    public void A_changed_body_or_a_claimed_sender_that_did_not_sign_is_refused()
    {
        var envelope = PeerEnvelopes.Seal(_chain, _validators[0], Body(), Now);
        var tampered = envelope.Clone();
        tampered.Body = new PeerBody { Status = new PeerStatus { Height = 8 } }.ToByteString();
        Assert.Contains("signature", Problem(tampered));
        var impersonated = envelope.Clone();
        impersonated.Sender = ByteString.CopyFrom(_validators[1].Address.Bytes);
        Assert.Contains("signature", Problem(impersonated));
    }

    [Fact]
    public void Another_chain_a_stale_clock_or_a_malformed_sender_is_refused()
    {
        var envelope = PeerEnvelopes.Seal(_chain, _validators[0], Body(), Now);
        var otherChain = envelope.Clone();
        otherChain.ChainId = "other";
        Assert.Contains("chain", Problem(otherChain));
        Assert.Contains("clock", Problem(PeerEnvelopes.Seal(_chain, _validators[0], Body(), Now - 10 * 60_000)));
        var shortSender = envelope.Clone();
        shortSender.Sender = ByteString.CopyFrom(1, 2, 3);
        Assert.Contains("address", Problem(shortSender));
    }

    private sealed class FixedSets(ValidatorSet set) : IValidatorSetSource
    {
        public ValidatorSet ForHeight(ulong height) => set;
    }
}
