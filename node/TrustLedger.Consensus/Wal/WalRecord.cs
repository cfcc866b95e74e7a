using TrustLedger.Protocol.Encoding;

namespace TrustLedger.Consensus.Wal;

/// <summary>
/// One write-ahead-log entry: an accepted input (<see cref="WalInput"/>), a message this node signed
/// (<see cref="WalSigned"/>) or a verdict the host gave synchronously (<see cref="WalVerdict"/>). The host appends them durably, in order, and hands them back in
/// <see cref="Inputs.Restart"/>; records below the host's committed height + 1 may be pruned.
/// </summary>
public abstract record WalRecord
{
    private protected WalRecord() { }

    /// <summary>The height the record belongs to (for pruning and for skipping on replay).</summary>
    public abstract ulong Height { get; }

    private const byte Version = 1;

    public byte[] Encode()
    {
        var w = new CanonicalWriter(160).U8(Version);
        WalCodec.Write(w, this);
        return w.ToArray();
    }

    /// <summary>Decodes one record; throws <see cref="FormatException"/> on a corrupt or unknown record.</summary>
    public static WalRecord Decode(ReadOnlySpan<byte> bytes)
    {
        var r = new CanonicalReader(bytes);
        var version = r.U8();
        if (version != Version) throw new FormatException($"unknown WAL record version {version}");
        var record = WalCodec.Read(ref r);
        r.ExpectEnd();
        return record;
    }
}
