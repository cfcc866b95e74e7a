using System.Text;

namespace TrustLedger.Node.Storage.Records;

/// <summary>
/// Record key ↔ file name of the earlier plaintext layout of <see cref="FolderRecordStore"/> (the operator's drop folder, now
/// only read to encrypt it, see <see cref="FolderRecordStore.ImportPlaintext"/>): letters, digits, '-', '_' and (not first) '.' stay as they
/// are, every other UTF-8 byte becomes <c>%XX</c> (upper-case hex), and <c>.json</c> is appended. The mapping is one to
/// one, so <c>330402199001011234</c> is <c>330402199001011234.json</c> and <c>张三</c> is <c>%E5%BC%A0%E4%B8%89.json</c>.
/// Assumes a case-sensitive file system (Linux), as keys differing only in case map to names differing only in case.
/// </summary>
internal static class FolderFileNames
{
    public const string Extension = ".json";

    /// <summary>Longest file name produced (most file systems allow 255 bytes).</summary>
    public const int MaxNameLength = 240;

    public static string Encode(string recordKey)
    {
        var name = new StringBuilder(recordKey.Length + Extension.Length);
        var bytes = Encoding.UTF8.GetBytes(recordKey);
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (IsPlain(b) || (b == (byte)'.' && i > 0)) name.Append((char)b);
            else name.Append('%').Append(b.ToString("X2"));
        }
        name.Append(Extension);
        if (name.Length > MaxNameLength)
            throw new ArgumentException($"the record key makes a file name longer than {MaxNameLength} characters; use the LiteDB store for long keys", nameof(recordKey));
        return name.ToString();
    }

    /// <summary>The record key of a file name, or null when the name is not one <see cref="Encode"/> produces (a foreign file).</summary>
    public static string? Decode(string fileName)
    {
        if (!fileName.EndsWith(Extension, StringComparison.Ordinal)) return null;
        var stem = fileName.AsSpan(0, fileName.Length - Extension.Length);
        var bytes = new List<byte>(stem.Length);
        for (var i = 0; i < stem.Length; i++)
        {
            if (stem[i] == '%')
            {
                if (i + 2 >= stem.Length || !byte.TryParse(stem.Slice(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var b)) return null;
                bytes.Add(b);
                i += 2;
            }
            else if (stem[i] < 128) bytes.Add((byte)stem[i]);
            else return null;
        }
        string key;
        try
        {
            key = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        if (TrustLedger.Protocol.Records.RecordIds.CheckRecordKey(key) is not null) return null;
        // Only canonical names: a name spelled differently (lower-case hex, needless escapes) is not ours.
        return fileName.Length <= MaxNameLength && Encode(key) == fileName ? key : null;
    }

    private static bool IsPlain(byte b) => b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_';
}
