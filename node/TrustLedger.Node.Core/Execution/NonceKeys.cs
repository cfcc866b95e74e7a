using System.Buffers.Binary;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Core.Execution;

/// <summary>State keys recording used nonces: <c>n/{sender}{nonce}</c> → height of first use. They make replay a state fact every node agrees on.</summary>
public static class NonceKeys
{
    public static byte[] For(Address sender, ulong nonce)
    {
        var key = new byte[2 + Address.Length + 8];
        key[0] = (byte)'n';
        key[1] = (byte)'/';
        sender.Bytes.CopyTo(key.AsSpan(2));
        BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(2 + Address.Length), nonce);
        return key;
    }

    public static byte[] HeightValue(ulong height)
    {
        var value = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(value, height);
        return value;
    }
}
