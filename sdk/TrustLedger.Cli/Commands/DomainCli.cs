using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using TrustLedger.Protocol.Primitives;
using TrustLedger.Sdk;
using TrustLedger.Sdk.Domain;

namespace TrustLedger.Cli.Commands;

/// <summary>
/// Plumbing shared by the domain commands (<c>tl gov</c>, <c>tl data</c>, <c>tl case</c>, <c>tl points</c>): commands that
/// sign one contract action with <c>--key</c> and print its receipt, read-only query commands, argument parsing and printing.
/// </summary>
internal static class DomainCli
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    // Names and reasons may be Chinese (微嘉园): print them as they are, not as \uXXXX escapes.
    private static readonly JsonSerializerOptions Readable = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Prints JSON indented, with non-ASCII text readable.</summary>
    public static void PrintJson(JsonNode node) => Console.WriteLine(node.ToJsonString(Readable));

    /// <summary>A command that signs with <c>--key</c>, runs one contract action, waits for its block and prints the receipt.</summary>
    public static Command Action(string name, string description, Func<ParseResult, TrustLedgerClient, CancellationToken, Task<ContractReceipt>> act, params Symbol[] symbols) =>
        Signed(name, description, async (parse, client, json, cancellation) => PrintReceipt(json, await act(parse, client, cancellation)), symbols);

    /// <summary>A command that connects with the <c>--key</c> as signer and lets <paramref name="run"/> print (json flag given).</summary>
    public static Command Signed(string name, string description, Func<ParseResult, TrustLedgerClient, bool, CancellationToken, Task> run, params Symbol[] symbols)
    {
        var command = With(new Command(name, description), symbols);
        command.SetGuardedAction(async (parse, cancellation) =>
        {
            using var client = await CommandRunner.Connect(parse, CommonOptions.LoadKey(parse.GetValue(CommonOptions.Key)!), cancellation);
            await run(parse, client, parse.GetValue(CommonOptions.Json), cancellation);
        });
        return command;
    }

    /// <summary>A read-only command: connects as the <c>--key</c> when there is one (the node answers what its organisation may see) and lets <paramref name="ask"/> print (json flag given).</summary>
    public static Command Query(string name, string description, Func<ParseResult, TrustLedgerClient, bool, CancellationToken, Task> ask, params Symbol[] symbols)
    {
        var command = With(new Command(name, description), symbols);
        command.SetGuardedAction(async (parse, cancellation) =>
        {
            using var client = await CommandRunner.ConnectAsReader(parse, cancellation);
            await ask(parse, client, parse.GetValue(CommonOptions.Json), cancellation);
        });
        return command;
    }

    public static Command With(Command command, IEnumerable<Symbol> symbols)
    {
        foreach (var symbol in symbols)
        {
            if (symbol is Argument argument) command.Arguments.Add(argument);
            else if (symbol is Option option) command.Options.Add(option);
            else if (symbol is Command sub) command.Subcommands.Add(sub);
        }
        return command;
    }

    public static Argument<string> Id(string name, string description) => new(name) { Description = description };

    public static Option<string> Required(string name, string description) => new(name) { Description = description, Required = true };

    public static Option<string> Text(string name, string description, string fallback = "") =>
        new(name) { Description = description, DefaultValueFactory = _ => fallback };

    public static void PrintReceipt(bool json, ContractReceipt r) => Output.Print(json,
    [
        ("id", r.Id),
        ("status", r.Status),
        ("value", r.Value),
        ("tx id", r.TxId),
        ("block", r.Height),
        ("block time", Output.Time(r.Receipt.BlockTime)),
    ]);

    /// <summary>With <c>--json</c> a protobuf message in its canonical JSON form (bytes as base64); otherwise <paramref name="text"/>.</summary>
    public static void Print(bool json, IMessage message, Action text)
    {
        if (json) PrintJson(JsonOf(message));
        else text();
    }

    /// <summary>
    /// A protobuf message as JSON: the proto3 JSON mapping with default values included, except that bytes (addresses,
    /// keys, hashes) are 0x-hex as everywhere else in <c>tl</c>, not base64.
    /// </summary>
    public static JsonNode JsonOf(IMessage message)
    {
        var node = JsonNode.Parse(Formatter.Format(message))!;
        HexBytes(message, node.AsObject());
        return node;
    }

    private static void HexBytes(IMessage message, JsonObject node)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(message);
            if (value is null || !node.ContainsKey(field.JsonName)) continue;
            switch (field.FieldType)
            {
                case FieldType.Bytes when field.IsRepeated:
                    node[field.JsonName] = new JsonArray([.. ((IEnumerable<ByteString>)value).Select(b => (JsonNode)Hex0x(b))]);
                    break;
                case FieldType.Bytes:
                    node[field.JsonName] = Hex0x((ByteString)value);
                    break;
                case FieldType.Message when field.IsRepeated:
                    var items = node[field.JsonName]!.AsArray();
                    var i = 0;
                    foreach (IMessage item in (System.Collections.IEnumerable)value) HexBytes(item, items[i++]!.AsObject());
                    break;
                case FieldType.Message when node[field.JsonName] is JsonObject child:
                    HexBytes((IMessage)value, child);
                    break;
            }
        }
    }

    /// <summary>With <c>--json</c> a JSON array of the messages; otherwise one line each (or <paramref name="empty"/>).</summary>
    public static void PrintList<T>(bool json, IEnumerable<T> items, Func<T, string> line, string empty) where T : IMessage
    {
        var list = items.ToList();
        if (json)
        {
            PrintJson(new JsonArray([.. list.Select(m => JsonOf(m))]));
            return;
        }
        if (list.Count == 0) Console.WriteLine(empty);
        foreach (var item in list) Console.WriteLine(line(item));
    }

    public static string[] Csv(string? value) =>
        value is null ? [] : [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>A duration as <c>30d</c>, <c>12h</c>, <c>45m</c>, <c>90s</c>, or a .NET time span (<c>1.02:00:00</c>).</summary>
    public static TimeSpan Duration(string value, string option)
    {
        if (value.Length > 1 && long.TryParse(value[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            switch (value[^1])
            {
                case 'd': return TimeSpan.FromDays(n);
                case 'h': return TimeSpan.FromHours(n);
                case 'm': return TimeSpan.FromMinutes(n);
                case 's': return TimeSpan.FromSeconds(n);
            }
        }
        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero
            ? span
            : throw new CliException($"{option} must be a duration such as 30d, 12h, 45m or 90s, got '{value}'");
    }

    public static Address Address(string value, string what) =>
        Protocol.Primitives.Address.TryParse(value, out var address) ? address : throw new CliException($"{what} must be a 20-byte address (0x + 40 hex digits), got '{value}'");

    /// <summary>A 32-byte hash given in hex.</summary>
    public static byte[] Hash(string value, string option) =>
        Hex.TryDecode(value, out var bytes) && bytes.Length == Hash32.Length ? bytes : throw new CliException($"{option} must be a 32-byte hash in hex (0x + 64 digits)");

    /// <summary>The hash (the network's suite) of some text that stays off-chain, such as a description or evidence.</summary>
    public static byte[] HashOf(TrustLedgerClient client, string text) => client.Suite.Hash.Hash(System.Text.Encoding.UTF8.GetBytes(text)).ToArray();

    public static string Time(long ms) => ms == 0 ? "-" : Output.Time(DateTimeOffset.FromUnixTimeMilliseconds(ms));

    public static string Hex0x(ByteString bytes) => bytes.IsEmpty ? "-" : Hex.Encode(bytes.Span);

    public static string Short(string id) => id.Length > 12 ? id[..12] + "…" : id;

    /// <summary>An enum value in lower snake case without its type: <c>CaseState.HandedOver</c> → <c>handed_over</c>.</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => Snake(value.ToString());

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>‰ as a percentage with one decimal, e.g. 997 → 99.7 %.</summary>
    public static string Percent(ulong permille) => $"{permille / 10}.{permille % 10} %";
}
