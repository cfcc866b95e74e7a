using TrustLedger.Protocol.Crypto.KeyFiles;
using System.CommandLine;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Genesis;

namespace TrustLedger.Cli.Commands;

/// <summary><c>tl genesis dev</c>: the files of a one-node dev network (what <c>node --dev</c> creates by itself).</summary>
internal static class GenesisCommands
{
    public static Command Build()
    {
        var dir = new Option<string>("--out", "-o") { Description = "Folder to write genesis.json, validator.key.json and client.key.json", DefaultValueFactory = _ => ".data/node" };
        var suite = new Option<string>("--suite") { Description = "Crypto suite: eth or sm", DefaultValueFactory = _ => "eth" };
        suite.AcceptOnlyFromAmong("eth", "sm");
        var chainId = new Option<string>("--chain-id") { Description = "Chain id", DefaultValueFactory = _ => "trustledger-dev" };
        var dev = new Command("dev", "Write a one-validator dev genesis with a validator key and a client key") { dir, suite, chainId };
        dev.SetGuardedAction((parse, _) =>
        {
            var folder = parse.GetValue(dir)!;
            var genesisPath = Path.Combine(folder, "genesis.json");
            if (File.Exists(genesisPath)) throw new CliException($"{genesisPath} exists; choose another --out folder");
            Directory.CreateDirectory(folder);
            var cryptoSuite = CryptoSuites.Get(parse.GetValue(suite)!);
            var validator = cryptoSuite.GenerateKey();
            var client = cryptoSuite.GenerateKey();
            var password = CommonOptions.Password();
            KeyFile.Save(validator, Path.Combine(folder, "validator.key.json"), password, ScryptCost.Light);
            KeyFile.Save(client, Path.Combine(folder, "client.key.json"), password, ScryptCost.Light);
            var genesis = DevGenesis.Create(cryptoSuite, validator, [client], parse.GetValue(chainId)!);
            File.WriteAllText(genesisPath, genesis.ToJson());
            Output.Print(parse.GetValue(CommonOptions.Json),
            [
                ("genesis", Path.GetFullPath(genesisPath)),
                ("chain id", genesis.ChainId),
                ("suite", cryptoSuite.Name),
                ("genesis hash", genesis.ComputeHash(cryptoSuite.Hash)),
                ("validator", validator.Address),
                ("client", client.Address),
            ]);
            return Task.CompletedTask;
        });
        return new Command("genesis", "Write genesis files") { dev };
    }
}
