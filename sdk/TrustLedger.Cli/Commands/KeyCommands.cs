using TrustLedger.Protocol.Crypto.KeyFiles;
using System.CommandLine;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Cli.Commands;

/// <summary><c>tl key new</c> and <c>tl key show</c>: password-protected Web3 Secret Storage keystores.</summary>
internal static class KeyCommands
{
    public static Command Build()
    {
        var suite = new Option<string>("--suite") { Description = "Crypto suite: eth (secp256k1) or sm (SM2)", DefaultValueFactory = _ => "eth" };
        suite.AcceptOnlyFromAmong("eth", "sm");
        var output = new Option<string>("--out", "-o") { Description = "Keystore file to write", Required = true };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing file" };
        var passwordFile = new Option<string?>("--password-file") { Description = "File whose first line is the keystore password" };
        var devPassword = new Option<bool>("--dev-password") { Description = $"Use the dev password \"{CommonOptions.DevPassword}\" (dev networks only)" };
        var create = new Command("new", "Create a key pair and save it as an encrypted keystore (password from --password-file, " +
            "TL_KEY_PASSWORD or a prompt on a terminal)") { suite, output, force, passwordFile, devPassword };
        create.SetGuardedAction((parse, _) =>
        {
            var path = parse.GetValue(output)!;
            if (File.Exists(path) && !parse.GetValue(force)) throw new CliException($"{path} exists; pass --force to overwrite");
            var password = NewKeyPassword.Choose(parse.GetValue(passwordFile), parse.GetValue(devPassword));
            if (File.Exists(path)) File.Delete(path);
            var key = CryptoSuites.Get(parse.GetValue(suite)!).GenerateKey();
            KeyFile.Save(key, path, password);
            Print(parse, key, path);
            return Task.CompletedTask;
        });

        var keyPath = new Argument<string>("file") { Description = "Keystore file" };
        var show = new Command("show", "Show a keystore's suite, address and public key") { keyPath };
        show.SetGuardedAction((parse, _) =>
        {
            var path = parse.GetValue(keyPath)!;
            Print(parse, CommonOptions.LoadKey(path), path);
            return Task.CompletedTask;
        });

        return new Command("key", "Create and inspect keys") { create, show };
    }

    private static void Print(ParseResult parse, KeyPair key, string path) =>
        Output.Print(parse.GetValue(CommonOptions.Json),
        [
            ("file", Path.GetFullPath(path)),
            ("suite", key.Suite),
            ("address", key.Address),
            ("public key", Hex.Encode(key.PublicKey)),
        ]);
}
