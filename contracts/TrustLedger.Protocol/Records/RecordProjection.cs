using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TrustLedger.Protocol.Records;

/// <summary>
/// Field narrowing: a record is a JSON object and a grant names the fields the requester may see. The served
/// content is a new JSON object with only the record's top-level members whose names are granted (ordinal match),
/// in the record's order, values copied whole (a granted member that holds an object is served entirely), compact,
/// with non-ASCII text left unescaped. A granted field the record lacks is simply absent. The content hash on the
/// ledger is over exactly these bytes.
/// </summary>
public static class RecordProjection
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 64 };
    private static readonly JsonWriterOptions WriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>The record narrowed to <paramref name="grantedFields"/>, as UTF-8 JSON.</summary>
    /// <exception cref="FormatException">The record is not a JSON object or names a member twice (the reason never quotes the record).</exception>
    public static byte[] Project(ReadOnlySpan<byte> recordJson, IReadOnlyCollection<string> grantedFields)
    {
        ArgumentNullException.ThrowIfNull(grantedFields);
        var granted = new HashSet<string>(grantedFields, StringComparer.Ordinal);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(recordJson.ToArray(), ParseOptions);
        }
        catch (JsonException e)
        {
            throw new FormatException($"the stored record is not valid JSON (line {e.LineNumber}, byte {e.BytePositionInLine})");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new FormatException($"the stored record is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var output = new ArrayBufferWriter<byte>(recordJson.Length + 2);
            using (var writer = new Utf8JsonWriter(output, WriteOptions))
            {
                writer.WriteStartObject();
                foreach (var member in document.RootElement.EnumerateObject())
                {
                    // Duplicate names make "the value of field f" ambiguous: refuse rather than pick one.
                    if (!seen.Add(member.Name)) throw new FormatException("the stored record names a member twice");
                    if (granted.Contains(member.Name)) member.WriteTo(writer);
                }
                writer.WriteEndObject();
            }
            return output.WrittenSpan.ToArray();
        }
    }
}
