using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrustLedger.Cli.Commands;

/// <summary>Prints results as aligned "name: value" lines, or as indented JSON with --json.</summary>
internal static class Output
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Print(bool json, IReadOnlyList<(string Name, object? Value)> fields)
    {
        if (json)
        {
            var obj = new JsonObject();
            foreach (var (name, value) in fields)
                obj[ToCamel(name)] = value switch
                {
                    null => null,
                    int i => JsonValue.Create(i),
                    long l => JsonValue.Create(l),
                    ulong u => JsonValue.Create(u),
                    bool b => JsonValue.Create(b),
                    _ => JsonValue.Create(value.ToString()),
                };
            Console.WriteLine(obj.ToJsonString(Indented));
            return;
        }
        var width = fields.Max(f => f.Name.Length);
        foreach (var (name, value) in fields) Console.WriteLine($"{(name + ":").PadRight(width + 2)}{value}");
    }

    public static void PrintJson(JsonNode node) => Console.WriteLine(node.ToJsonString(Indented));

    public static string ToCamel(string name)
    {
        var parts = name.Split(' ', '-', '_');
        return string.Concat(parts.Select((p, i) => i == 0 ? p.ToLowerInvariant() : char.ToUpperInvariant(p[0]) + p[1..].ToLowerInvariant()));
    }

    public static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm:ss.fff") + "Z";
}
