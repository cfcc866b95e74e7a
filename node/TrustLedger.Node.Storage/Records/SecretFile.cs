using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace TrustLedger.Node.Storage.Records;

/// <summary>
/// A node secret kept as hex in a file only the node's user can read (0600), created with 32 random bytes on first
/// start — the record-exchange salt secret (<c>records.secret</c>) and the record data key (<c>records.key</c>).
/// Creating one logs a one-line reminder to back it up; a file others can read logs a warning. Never logs the secret.
/// </summary>
public static class SecretFile
{
    public const int Length = 32;

    /// <param name="path">The file.</param>
    /// <param name="what">What it is, for log lines and errors ("record data key").</param>
    /// <param name="whyBackUp">What is lost without it, for the reminder.</param>
    /// <param name="logger">Where the reminder goes.</param>
    public static byte[] LoadOrCreate(string path, string what, string whyBackUp, ILogger logger)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.WriteThrough };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = PrivateFiles.FileMode;
            try
            {
                using var file = new FileStream(full, options);
                using var writer = new StreamWriter(file);
                writer.WriteLine(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Length)));
                writer.Flush();
                file.Flush(flushToDisk: true);
                logger.LogInformation("Created the {What} {Path}; back it up with the node's keys ({Why})", what, full, whyBackUp);
            }
            catch (IOException) when (File.Exists(full))
            {
                // Another process created it first; read theirs.
            }
        }
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(full) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
            logger.LogWarning("The {What} {Path} is readable by other users; chmod 600 it", what, full);
        byte[] secret;
        try
        {
            secret = Convert.FromHexString(File.ReadAllText(full).Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"the {what} {full} is not hex");
        }
        if (secret.Length < Length)
            throw new InvalidOperationException($"the {what} {full} must hold at least {Length} bytes");
        return secret;
    }
}
