using TrustLedger.Protocol.Crypto.KeyFiles;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Genesis;

namespace TrustLedger.Node.Configuration;

/// <summary>Creates the files of a one-node dev network (genesis, validator key, a client key) unless they exist.</summary>
public static class DevNetworkSetup
{
    public const string ClientKeyFile = "client.key.json";

    /// <returns>True when a new network was created.</returns>
    public static bool EnsureCreated(NodeOptions options, string password)
    {
        if (File.Exists(options.GenesisPath)) return false;
        Directory.CreateDirectory(options.DataDir);
        var suite = CryptoSuites.Get(options.DevSuite);
        var validator = suite.GenerateKey();
        var client = suite.GenerateKey();
        KeyFile.Save(validator, options.KeyPath, password, ScryptCost.Light);
        KeyFile.Save(client, Path.Combine(options.DataDir, ClientKeyFile), password, ScryptCost.Light);
        File.WriteAllText(options.GenesisPath, DevGenesis.Create(suite, validator, [client]).ToJson());
        return true;
    }
}
