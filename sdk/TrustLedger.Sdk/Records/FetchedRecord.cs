using System.Text.Json;

namespace TrustLedger.Sdk.Records;

/// <summary>
/// A record served under a grant, decrypted and checked against its committed access receipt.
/// <see cref="Content"/> is exactly the bytes the receipt's content hash covers; <see cref="Json"/> is the same as text.
/// Keep <see cref="KeySalt"/> and <see cref="ContentSalt"/> with the record to prove later (to an auditor) that the
/// receipt on the ledger is for this record and key: with them anyone can recompute the two hashes.
/// </summary>
public sealed class FetchedRecord(string json, byte[] content, RecordAccessReceipt receipt, byte[] keySalt, byte[] contentSalt)
{
    /// <summary>The record narrowed to the granted fields, as a JSON object.</summary>
    public string Json { get; } = json;

    /// <summary>The UTF-8 bytes of <see cref="Json"/> as served and hashed.</summary>
    public byte[] Content { get; } = content;

    public RecordAccessReceipt Receipt { get; } = receipt;
    public byte[] KeySalt { get; } = keySalt;
    public byte[] ContentSalt { get; } = contentSalt;

    /// <summary>The record parsed; dispose the document when done.</summary>
    public JsonDocument Parse() => JsonDocument.Parse(Content);

    /// <summary>Never prints the record: it may hold personal data.</summary>
    public override string ToString() => $"record under grant {Receipt.GrantId} (receipt {Receipt.TxId} at height {Receipt.Height}, {Content.Length} bytes)";
}
