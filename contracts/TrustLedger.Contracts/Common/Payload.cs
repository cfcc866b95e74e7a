using Google.Protobuf;
using TrustLedger.Contracts.Abstractions;

namespace TrustLedger.Contracts.Common;

/// <summary>Decodes a transaction payload as a protobuf message; unknown fields are dropped, never stored.</summary>
public static class Payload
{
    public static bool TryParse<T>(TxContext tx, MessageParser<T> parser, out T message, out ContractResult error)
        where T : class, IMessage<T>
    {
        try
        {
            message = parser.WithDiscardUnknownFields(true).ParseFrom(tx.Payload);
            error = default;
            return true;
        }
        catch (InvalidProtocolBufferException e)
        {
            message = null!;
            error = ContractResult.Invalid($"{tx.Type}: payload is not a valid {typeof(T).Name} protobuf message ({e.Message})");
            return false;
        }
    }
}
