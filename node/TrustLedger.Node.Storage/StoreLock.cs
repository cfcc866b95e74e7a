namespace TrustLedger.Node.Storage;

/// <summary>
/// Exclusive lock on a store directory (a LOCK file held with FileShare.None, an advisory flock on Unix), so two
/// processes — or two stores in one process — never append to the same log.
/// </summary>
internal sealed class StoreLock : IDisposable
{
    private readonly FileStream _file;

    private StoreLock(FileStream file) => _file = file;

    public static StoreLock Acquire(string directory)
    {
        var path = Path.Combine(directory, "LOCK");
        try
        {
            return new StoreLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex)
        {
            throw new IOException($"block store {directory} is already open (by this or another process)", ex);
        }
    }

    public void Dispose() => _file.Dispose();
}
