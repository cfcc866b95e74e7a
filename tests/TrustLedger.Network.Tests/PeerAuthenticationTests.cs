using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using TrustLedger.Network.Tests.Support;
using TrustLedger.Proto.Peer.V1;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Crypto.KeyFiles;
using TrustLedger.Protocol.Encoding;
using Xunit.Abstractions;

namespace TrustLedger.Network.Tests;

/// <summary>
/// The peer endpoint of a running validator, called over real gRPC: only validators of the network get in, and a
/// validator's malformed traffic is refused whole. The chain keeps committing throughout.
/// </summary>
public sealed class PeerAuthenticationTests(ITestOutputHelper output)
{
    // The envelope's signed bytes, written out here on purpose: the format is a protocol, not an implementation detail.
    private static PeerEnvelope Seal(KeyPair key, string chainId, ByteString body, long timeMs)
    {
        var suite = CryptoSuites.Get(key.Suite);
        var signed = new CanonicalWriter(128).Raw("TL/peer/v1"u8).String(chainId).Address(key.Address).I64(timeMs).Hash(suite.Hash.Hash(body.Span)).ToArray();
        return new PeerEnvelope
        {
            ChainId = chainId, Sender = ByteString.CopyFrom(key.Address.Bytes), TimeMs = timeMs, Body = body,
            Signature = ByteString.CopyFrom(suite.Sign(key, signed)),
        };
    }

    [Fact]
    public async Task Only_the_networks_validators_are_heard_and_their_malformed_traffic_is_refused()
    {
        await using var harness = new NetworkHarness(output);
        var network = (await harness.UpAsync(4)).Network;
        using var client = await harness.ClientAsync(1);
        var chainId = client.Node.ChainId;
        using var channel = TrustLedger.Sdk.Tls.TlsClientOptions.Channel(network.Node(1).Endpoint, network.ClientTls(network.Node(1), asOrganisation: 2));
        var peer = new Peer.PeerClient(channel);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var status = new PeerBody { Status = new PeerStatus { Height = 1 } }.ToByteString();
        var validator = KeyFile.Load(network.Files(2).ValidatorKeyPath, NetworkHarness.Password);
        var member = KeyFile.Load(network.Files(2).ClientKeyPath, NetworkHarness.Password);

        // A validator is heard: a status from height 1 is answered with decided blocks once there are some.
        await client.SubmitAsync("anchor.put", "something to sync"u8.ToArray());
        var answer = await peer.ExchangeAsync(Seal(validator, chainId, status, now));
        Assert.NotEmpty(answer.Commits);

        async Task<RpcException> Refused(PeerEnvelope envelope) => await Assert.ThrowsAsync<RpcException>(() => peer.ExchangeAsync(envelope).ResponseAsync);

        var byMember = await Refused(Seal(member, chainId, status, now)); // a member of an organisation, but no validator
        Assert.Equal((StatusCode.Unauthenticated, true), (byMember.StatusCode, byMember.Status.Detail.Contains("not a validator")));
        var unsigned = Seal(validator, chainId, status, now);
        unsigned.Signature = ByteString.CopyFrom(new byte[64]);
        Assert.Equal(StatusCode.Unauthenticated, (await Refused(unsigned)).StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, (await Refused(Seal(validator, "another-chain", status, now))).StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, (await Refused(Seal(validator, chainId, status, now - 3_600_000))).StatusCode);
        var garbage = new PeerBody { ConsensusMessages = { ByteString.CopyFrom(1, 2, 3) } }.ToByteString();
        Assert.Equal(StatusCode.InvalidArgument, (await Refused(Seal(validator, chainId, garbage, now))).StatusCode);

        var after = await client.SubmitAsync("anchor.put", "still committing"u8.ToArray());
        Assert.True(after.Height > 1);
    }
}
