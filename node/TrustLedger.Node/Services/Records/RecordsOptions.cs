namespace TrustLedger.Node.Services.Records;

/// <summary>
/// Off-chain record exchange settings, section <c>Node:Records</c> (environment <c>TL_Node__Records__Provider</c>, …).
/// A host that registers its own <see cref="Storage.Records.IRecordProvider"/> before <c>AddRecordExchange</c> keeps it.
/// </summary>
public sealed class RecordsOptions
{
    public const string Section = "Node:Records";

    /// <summary><c>folder</c> (default: one JSON file per record) or <c>litedb</c> (one embedded database file).</summary>
    public string Provider { get; set; } = "folder";

    /// <summary>Folder or database file; defaults to <c>{DataDir}/records</c> or <c>{DataDir}/records.db</c>.</summary>
    public string? Path { get; set; }

    /// <summary>
    /// The owner's salt secret (created on first start, hex); defaults to <c>{DataDir}/records.secret</c>. Back it up
    /// with the node's keys: without it, purge receipts can no longer be matched to record keys.
    /// </summary>
    public string? SecretFile { get; set; }

    /// <summary>
    /// The record data key that encrypts stored records (created on first start, hex, 0600); defaults to
    /// <c>{DataDir}/records.key</c>. Back it up with the node's keys: without it, stored records cannot be read.
    /// </summary>
    public string? DataKeyFile { get; set; }

    /// <summary>How far a request's timestamp may be from this node's clock, either way.</summary>
    public int RequestWindowSeconds { get; set; } = 300;

    /// <summary>Signed requests the replay guard remembers at once, across all organisations.</summary>
    public int ReplayGuardCapacity { get; set; } = 200_000;

    /// <summary>
    /// Of those, how many one organisation may hold; default <see cref="ReplayGuardCapacity"/> / 8, so one member
    /// flooding the node cannot use up the guard for the others.
    /// </summary>
    public int? ReplayGuardPerOrganisation { get; set; }

    /// <summary>The per-organisation share in effect.</summary>
    public int ReplayGuardShare => ReplayGuardPerOrganisation ?? Math.Max(1, ReplayGuardCapacity / 8);

    /// <summary>How long a request waits for its access (or purge) receipt to commit before giving up, serving nothing.</summary>
    public int CommitTimeoutSeconds { get; set; } = 30;

    public string ProviderPath(string dataDir) => Path ?? System.IO.Path.Combine(dataDir, string.Equals(Provider, "litedb", StringComparison.OrdinalIgnoreCase) ? "records.db" : "records");
    public string SecretPath(string dataDir) => SecretFile ?? System.IO.Path.Combine(dataDir, "records.secret");
    public string DataKeyPath(string dataDir) => DataKeyFile ?? System.IO.Path.Combine(dataDir, "records.key");
}
