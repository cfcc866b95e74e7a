using System.Text;

namespace TrustLedger.Cli.Commands;

/// <summary>
/// The password of a new keystore. Never the dev password unless <c>--dev-password</c> asks for it: a key written
/// with a password nobody chose is a key anybody can open.
/// </summary>
internal static class NewKeyPassword
{
    private const string Ways = "set TL_KEY_PASSWORD, pass --password-file <path>, or run on a terminal to be prompted " +
        "(--dev-password uses the dev password, for dev networks only)";

    /// <summary>--dev-password, else --password-file, else TL_KEY_PASSWORD, else a prompt on a terminal; otherwise refused.</summary>
    public static string Choose(string? passwordFile, bool devPassword)
    {
        if (devPassword && passwordFile is not null) throw new CliException("give either --password-file or --dev-password, not both");
        if (devPassword)
        {
            Console.Error.WriteLine("note: the new key uses the dev password; use it on dev networks only.");
            return CommonOptions.DevPassword;
        }
        if (passwordFile is not null) return FromFile(passwordFile);
        if (Environment.GetEnvironmentVariable("TL_KEY_PASSWORD") is { Length: > 0 } password) return password;
        if (Console.IsInputRedirected) throw new CliException($"no password for the new key: {Ways}");
        return Prompt();
    }

    private static string FromFile(string path)
    {
        if (!File.Exists(path)) throw new CliException($"password file {path} not found");
        var password = File.ReadLines(path).FirstOrDefault() ?? "";
        return password.Length > 0 ? password : throw new CliException($"password file {path} is empty; its first line is the password");
    }

    private static string Prompt()
    {
        var first = ReadHidden("password for the new key: ");
        if (first.Length == 0) throw new CliException($"the password is empty; {Ways}");
        return ReadHidden("repeat the password: ") == first ? first : throw new CliException("the two passwords differ; nothing was written");
    }

    /// <summary>Reads one line from the terminal without echoing it.</summary>
    private static string ReadHidden(string prompt)
    {
        Console.Error.Write(prompt);
        var typed = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0) typed.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
        Console.Error.WriteLine();
        return typed.ToString();
    }
}
