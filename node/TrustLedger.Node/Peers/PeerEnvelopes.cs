using Google.Protobuf;
using TrustLedger.Node.Core.Chain;
using TrustLedger.Node.Core.Consensus;
using TrustLedger.Proto.Peer.V1;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Encoding;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Peers;

/// <summary>
/// Authentication of peer traffic. Every call carries an envelope signed by the sender's validator key over
/// <c>"TL/peer/v1" ‖ chain_id ‖ sender ‖ time_ms ‖ hash(body)</c>; the receiver accepts it only from a validator of
/// the network (keys pinned by the genesis and governance), with a valid signature and a clock within
/// <see cref="MaxClockSkew"/>. This stands in for TLS with pinned keys: the validators' SM2/secp256k1 keys are
/// not TLS keys, and the consensus messages inside are signed on their own anyway.
/// </summary>
public static class PeerEnvelopes
{
    public static ReadOnlySpan<byte> Tag => "TL/peer/v1"u8;

    /// <summary>How far the sender's clock may be from ours; bounds how long a captured envelope can be replayed.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(2);

    public static byte[] SigningBytes(ICryptoSuite suite, string chainId, Address sender, long timeMs, ReadOnlySpan<byte> body) =>
        new CanonicalWriter(128).Raw(Tag).String(chainId).Address(sender).I64(timeMs).Hash(suite.Hash.Hash(body)).ToArray();

    public static PeerEnvelope Seal(ChainConfig chain, KeyPair key, PeerBody body, long timeMs)
    {
        var bytes = body.ToByteArray();
        return new PeerEnvelope
        {
            ChainId = chain.ChainId,
            Sender = ByteString.CopyFrom(key.Address.Bytes),
            TimeMs = timeMs,
            Body = ByteString.CopyFrom(bytes),
            Signature = ByteString.CopyFrom(chain.Suite.Sign(key, SigningBytes(chain.Suite, chain.ChainId, key.Address, timeMs, bytes))),
        };
    }

    /// <summary>The authenticated sender and body, or the reason the envelope is refused.</summary>
    public static (Address Sender, PeerBody Body)? Open(PeerEnvelope envelope, ChainConfig chain, IValidatorSetSource validators, ulong height, long nowMs, out string? problem)
    {
        problem = null;
        if (envelope.ChainId != chain.ChainId)
            return Refuse($"envelope is for chain '{Clip(envelope.ChainId)}', this node runs '{chain.ChainId}'", out problem);
        if (envelope.Sender.Length != Address.Length)
            return Refuse($"sender must be a {Address.Length}-byte address", out problem);
        var sender = new Address(envelope.Sender.Span);
        if (!validators.ForHeight(height).TryGet(sender, out var validator))
            return Refuse($"{sender} is not a validator of this network", out problem);
        if (Math.Abs(nowMs - envelope.TimeMs) > (long)MaxClockSkew.TotalMilliseconds)
            return Refuse($"sender clock is {(envelope.TimeMs - nowMs) / 1000} s off ours (at most {MaxClockSkew.TotalSeconds} s allowed)", out problem);
        var signed = SigningBytes(chain.Suite, chain.ChainId, sender, envelope.TimeMs, envelope.Body.Span);
        if (!chain.Suite.Verify(validator.PublicKey, signed, envelope.Signature.Span))
            return Refuse($"signature does not verify for validator {sender}", out problem);
        try
        {
            return (sender, PeerBody.Parser.ParseFrom(envelope.Body));
        }
        catch (InvalidProtocolBufferException e)
        {
            return Refuse($"malformed body: {e.Message}", out problem);
        }
    }

    private static (Address, PeerBody)? Refuse(string reason, out string? problem)
    {
        problem = reason;
        return null;
    }

    private static string Clip(string s) => s.Length <= 64 ? s : s[..64] + "…";
}
