using System.Security.Cryptography;
using TrustLedger.Protocol.Records;

namespace TrustLedger.Node.Services.Records;

/// <summary>
/// The owner's secret from which grant and purge salts are derived (see <see cref="RecordSalts"/>): 32 random bytes,
/// hex in a file readable only by the node's user, created on first start. Never logged, never sent.
/// </summary>
public sealed class OwnerSecret
{
    private readonly byte[] _secret;

    private OwnerSecret(byte[] secret) => _secret = secret;

    public ReadOnlySpan<byte> Bytes => _secret;

    public static OwnerSecret LoadOrCreate(string path, ILogger logger)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.WriteThrough };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            try
            {
                using var file = new FileStream(path, options);
                using var writer = new StreamWriter(file);
                writer.WriteLine(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));
                writer.Flush();
                file.Flush(flushToDisk: true);
                logger.LogInformation("Created the record-exchange salt secret {Path}; back it up with the node's keys", System.IO.Path.GetFullPath(path));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; read theirs.
            }
        }
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
            logger.LogWarning("The record-exchange salt secret {Path} is readable by other users; chmod 600 it", System.IO.Path.GetFullPath(path));
        var text = File.ReadAllText(path).Trim();
        byte[] secret;
        try
        {
            secret = Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"the record-exchange secret {path} is not hex");
        }
        if (secret.Length < RecordSalts.MinSecretLength)
            throw new InvalidOperationException($"the record-exchange secret {path} must hold at least {RecordSalts.MinSecretLength} bytes");
        return new OwnerSecret(secret);
    }
}
