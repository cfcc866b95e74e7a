using System.Text;
using System.Text.Json;
using Google.Protobuf;
using TrustLedger.Contracts.Grants;
using TrustLedger.Contracts.Messages;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Crypto.Encryption;
using TrustLedger.Protocol.Primitives;
using TrustLedger.Protocol.Records;

namespace TrustLedger.Sdk.Records;

/// <summary>
/// The requester's checks, as pure functions: open the envelope for this very request, then hold the record
/// against the committed <c>data.record_access</c> transaction — success, this grant, this requester, the salted
/// key hash of the key asked for, the salted hash of exactly the bytes received. Any difference refuses the record.
/// </summary>
public static class RecordReceiptCheck
{
    /// <summary>Decrypts <paramref name="served"/> with the requester's key and decodes the sealed record.</summary>
    /// <exception cref="RecordVerificationException">The envelope does not open for this request, or holds no v1 sealed record.</exception>
    public static SealedRecord Open(ICryptoSuite suite, KeyPair requester, RecordFetchRequest request, ServedRecord served)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(served);
        byte[] plaintext;
        try
        {
            plaintext = Envelopes.For(suite).Open(requester, served.Envelope, request.EnvelopeContext(suite.Hash));
        }
        catch (EnvelopeException e)
        {
            throw new RecordVerificationException($"the record from the owner's node was refused: {e.Message}");
        }
        SealedRecord sealedRecord;
        try
        {
            sealedRecord = SealedRecord.Decode(plaintext);
        }
        catch (FormatException e)
        {
            throw new RecordVerificationException($"the record from the owner's node was refused: the envelope holds no valid record ({e.Message})");
        }
        if (sealedRecord.AccessTxId != served.AccessTxId)
            throw new RecordVerificationException(
                $"the record from the owner's node was refused: the envelope names access receipt {sealedRecord.AccessTxId}, the response {served.AccessTxId}");
        return sealedRecord;
    }

    /// <summary>Checks the opened record against the committed transaction and returns the verified record.</summary>
    /// <exception cref="RecordVerificationException">The transaction is not a successful access receipt for exactly this record.</exception>
    public static FetchedRecord Verify(ICryptoSuite suite, Address requester, RecordFetchRequest request, ServedRecord served,
        SealedRecord sealedRecord, CommittedTransaction committed)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(served);
        ArgumentNullException.ThrowIfNull(sealedRecord);
        ArgumentNullException.ThrowIfNull(committed);
        var tx = committed.Transaction;
        var receipt = committed.Receipt;
        if (tx.Id != served.AccessTxId) Refuse($"the ledger returned transaction {tx.Id} for {served.AccessTxId}");
        if (tx.Body.Type != DataSharingContract.RecordAccessType)
            Refuse($"transaction {tx.Id} is a '{tx.Body.Type}', not an access receipt ({DataSharingContract.RecordAccessType})");
        if (!receipt.Success) Refuse($"access receipt {tx.Id} failed on the ledger ({receipt.Code}: {receipt.Message})");
        if (receipt.Height != served.AccessHeight)
            Refuse($"access receipt {tx.Id} is committed at height {receipt.Height}, the owner said {served.AccessHeight}");

        RecordAccessRequest payload;
        ContractOutput output;
        try
        {
            payload = RecordAccessRequest.Parser.ParseFrom(tx.Body.Payload);
            output = ContractOutput.Parser.ParseFrom(receipt.Output);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new RecordVerificationException($"the record was refused: access receipt {tx.Id} cannot be decoded ({e.Message})");
        }
        if (RecordIds.Canonical(payload.GrantId) != request.GrantId)
            Refuse($"access receipt {tx.Id} is for grant {payload.GrantId}, not {request.GrantId}");
        if (!payload.Requester.Span.SequenceEqual(requester.Bytes))
            Refuse($"access receipt {tx.Id} names requester {Hex.Encode(payload.Requester.Span)}, not {requester}");
        var keyHash = RecordHashes.RecordKeyHash(suite.Hash, sealedRecord.KeySalt, request.DatasetId, request.RecordKey);
        if (!payload.RecordKeyHash.Span.SequenceEqual(keyHash.ToArray()))
            Refuse($"access receipt {tx.Id} commits to another record key than the one requested");
        var contentHash = RecordHashes.ContentHash(suite.Hash, sealedRecord.ContentSalt, sealedRecord.Content);
        if (!payload.ContentHash.Span.SequenceEqual(contentHash.ToArray()))
            Refuse($"the content received does not match the content hash in access receipt {tx.Id}");
        if (output.Value != served.AccessSequence)
            Refuse($"access receipt {tx.Id} is number {output.Value} in the grant's access log, the owner said {served.AccessSequence}");

        var json = CheckJsonObject(sealedRecord.Content, tx.Id);
        return new FetchedRecord(json, sealedRecord.Content,
            new RecordAccessReceipt(tx.Id, receipt.Height, receipt.BlockTime, request.GrantId, output.Value, keyHash, contentHash, requester),
            sealedRecord.KeySalt, sealedRecord.ContentSalt);
    }

    private static string CheckJsonObject(byte[] content, Hash32 txId)
    {
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
            using var document = JsonDocument.Parse(content);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                Refuse($"the record under access receipt {txId} is not a JSON object");
            return text;
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException)
        {
            throw new RecordVerificationException($"the record was refused: the content under access receipt {txId} is not UTF-8 JSON");
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Refuse(string reason) => throw new RecordVerificationException($"the record was refused: {reason}");
}
