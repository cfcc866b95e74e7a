using TrustLedger.Node.Storage.Records;
using TrustLedger.Protocol.Records;

namespace TrustLedger.Node.Services.Records;

/// <summary>
/// The owner's secret from which grant and purge salts are derived (see <see cref="RecordSalts"/>) and the stored
/// records' names (see <see cref="RecordCipher"/>): 32 random bytes, hex in a file readable only by the node's user,
/// created on first start. Never logged, never sent.
/// </summary>
public sealed class OwnerSecret
{
    private readonly byte[] _secret;

    private OwnerSecret(byte[] secret) => _secret = secret;

    public ReadOnlySpan<byte> Bytes => _secret;

    public static OwnerSecret LoadOrCreate(string path, ILogger logger) =>
        new(SecretFile.LoadOrCreate(path, "record-exchange salt secret",
            "without it purge receipts no longer match their records and stored records cannot be found", logger));
}
