using System.Text.Json;
using System.Text.Json.Serialization;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Encoding;
using TrustLedger.Protocol.Primitives;
using TrustLedger.Protocol.Tls;

namespace TrustLedger.Protocol.Genesis;

/// <summary>
/// The genesis file: chain id, crypto suite, organisations with roles and keys, validators and limits.
/// Everyone holding it can verify the chain; its <see cref="ComputeHash"/> is block 1's previous hash.
/// </summary>
public sealed record GenesisDocument
{
    public required string ChainId { get; init; }
    public required string CryptoSuite { get; init; }
    /// <summary>Block time of genesis, Unix milliseconds; every block's time is strictly later.</summary>
    public required long GenesisTimeMs { get; init; }
    public required IReadOnlyList<OrganisationEntry> Organisations { get; init; }
    public required IReadOnlyList<ValidatorEntry> Validators { get; init; }
    public ChainParameters Parameters { get; init; } = new();

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        // "organisations": null must be a clear error, not a NullReferenceException in Validate.
        RespectNullableAnnotations = true,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Parses and validates a genesis file; throws <see cref="GenesisException"/> with the reason.</summary>
    public static GenesisDocument FromJson(string json)
    {
        GenesisDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize<GenesisDocument>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new GenesisException($"genesis is not valid JSON: {e.Message}");
        }
        if (doc is null) throw new GenesisException("genesis is empty");
        doc.Validate();
        return doc;
    }

    public static GenesisDocument Load(string path) => FromJson(File.ReadAllText(path));

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ChainId) || ChainId.Length > 64)
            throw new GenesisException("chainId must be 1–64 characters");
        var suite = CryptoSuites.TryGet(CryptoSuite) ?? throw new GenesisException($"unknown crypto suite '{CryptoSuite}' (use eth or sm)");
        if (Organisations.Count == 0) throw new GenesisException("at least one organisation is required");
        var orgIds = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var org in Organisations)
        {
            if (string.IsNullOrWhiteSpace(org.Id)) throw new GenesisException("an organisation has no id");
            if (!orgIds.Add(org.Id)) throw new GenesisException($"organisation '{org.Id}' appears twice");
            if (org.Roles.Any(role => role is null)) throw new GenesisException($"organisation '{org.Id}' has a null role");
            foreach (var key in org.Keys)
            {
                if (!Hex.TryDecode(key, out var pk) || !suite.IsValidPublicKey(pk))
                    throw new GenesisException($"organisation '{org.Id}' has an invalid {suite.Name} public key '{key}'");
                // Compare decoded bytes: "0x04ab…" and "04AB…" are the same key.
                if (!keys.Add(Hex.Encode(pk))) throw new GenesisException($"key {key} is listed twice");
            }
        }
        ValidateTlsPins();
        if (Validators.Count == 0) throw new GenesisException("at least one validator is required");
        var validatorKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in Validators)
        {
            if (!orgIds.Contains(v.Organisation)) throw new GenesisException($"validator of unknown organisation '{v.Organisation}'");
            if (!Hex.TryDecode(v.PublicKey, out var pk) || !suite.IsValidPublicKey(pk))
                throw new GenesisException($"validator of '{v.Organisation}' has an invalid public key");
            if (!validatorKeys.Add(Hex.Encode(pk))) throw new GenesisException($"validator key {v.PublicKey} is listed twice");
        }
        Parameters.Validate();
    }

    /// <summary>The genesis hash: suite hash of the canonical encoding (not of the JSON text, whose whitespace may vary).</summary>
    public Hash32 ComputeHash(IHashFunction hash)
    {
        var w = new CanonicalWriter(1024).Raw("TL/genesis/v1"u8).String(ChainId).String(CryptoSuite).I64(GenesisTimeMs);
        w.U32((uint)Organisations.Count);
        foreach (var org in Organisations)
        {
            w.String(org.Id).String(org.Name);
            w.U32((uint)org.Roles.Count);
            foreach (var role in org.Roles) w.String(role);
            w.U32((uint)org.Keys.Count);
            foreach (var key in org.Keys) w.Bytes(Hex.Decode(key));
        }
        w.U32((uint)Validators.Count);
        foreach (var v in Validators) w.String(v.Organisation).Bytes(Hex.Decode(v.PublicKey)).String(v.Endpoint ?? "");
        Parameters.Write(w);
        WriteTlsPins(w);
        return hash.Hash(w.WrittenSpan);
    }

    // A CA certificate pinned by two organisations would let one act for the other.
    private void ValidateTlsPins()
    {
        var pinned = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var org in Organisations)
            foreach (var der in TlsCaCertificatesOf(org))
            {
                if (TlsCertificateFormat.CaCertificateProblem(der) is { } problem)
                    throw new GenesisException($"organisation '{org.Id}' pins a TLS CA certificate that is refused: {problem}");
                if (pinned.TryGetValue(Convert.ToHexString(der), out var other))
                    throw new GenesisException($"organisation '{org.Id}' pins a TLS CA certificate that '{other}' pins too; each organisation needs its own CA");
                pinned[Convert.ToHexString(der)] = org.Id;
            }
    }

    /// <summary>
    /// The DER of each TLS CA certificate an organisation pins (one PEM certificate per entry).
    /// </summary>
    /// <exception cref="GenesisException">An entry is not exactly one PEM certificate.</exception>
    public static IReadOnlyList<byte[]> TlsCaCertificatesOf(OrganisationEntry org)
    {
        var result = new List<byte[]>();
        foreach (var pem in org.TlsCaCertificates ?? [])
        {
            IReadOnlyList<byte[]> decoded;
            try
            {
                decoded = TlsCertificateFormat.DecodePem(pem ?? "");
            }
            catch (FormatException e)
            {
                throw new GenesisException($"organisation '{org.Id}' has a TLS CA certificate that is not PEM: {e.Message}");
            }
            if (decoded.Count != 1) throw new GenesisException($"organisation '{org.Id}': give one PEM certificate per tlsCaCertificates entry");
            result.Add(decoded[0]);
        }
        return result;
    }

    // Written only when some organisation pins a CA, so genesis files from before TLS pinning keep their hash.
    private void WriteTlsPins(CanonicalWriter w)
    {
        if (!Organisations.Any(o => o.TlsCaCertificates is { Count: > 0 })) return;
        w.Raw("TL/genesis/tls/v1"u8);
        var pinning = Organisations.Where(o => o.TlsCaCertificates is { Count: > 0 }).ToList();
        w.U32((uint)pinning.Count);
        foreach (var org in pinning)
        {
            var certificates = TlsCaCertificatesOf(org);
            w.String(org.Id).U32((uint)certificates.Count);
            foreach (var der in certificates) w.Bytes(der);
        }
    }

    /// <summary>Hash of the ordered validator public keys, committed in every header.</summary>
    public Hash32 ValidatorSetHash(IHashFunction hash) => ComputeValidatorSetHash(hash, Validators.Select(v => Hex.Decode(v.PublicKey)));

    /// <summary>The genesis validators as a set of equal power, in the order listed (the set of height 1).</summary>
    public ValidatorSet ToValidatorSet(ICryptoSuite suite) => ValidatorSet.FromPublicKeys(suite, Validators.Select(v => Hex.Decode(v.PublicKey)));

    public static Hash32 ComputeValidatorSetHash(IHashFunction hash, IEnumerable<byte[]> publicKeys)
    {
        var w = new CanonicalWriter(256).Raw("TL/validators/v1"u8);
        var list = publicKeys.ToList();
        w.U32((uint)list.Count);
        foreach (var pk in list) w.Bytes(pk);
        return hash.Hash(w.WrittenSpan);
    }
}

/// <summary>An organisation in the genesis: id, display name, roles and its public keys (hex, uncompressed).</summary>
public sealed record OrganisationEntry
{
    public required string Id { get; init; }
    public string Name { get; init; } = "";
    public IReadOnlyList<string> Roles { get; init; } = [];
    public IReadOnlyList<string> Keys { get; init; } = [];
    /// <summary>
    /// PEM X.509 CA certificates (one per entry) that the organisation's TLS node and client certificates chain to;
    /// null = none pinned (and the field stays out of the genesis hash).
    /// </summary>
    public IReadOnlyList<string>? TlsCaCertificates { get; init; }
}

/// <summary>A validator: the organisation running it, its signing key and where peers reach it.</summary>
public sealed record ValidatorEntry
{
    public required string Organisation { get; init; }
    public required string PublicKey { get; init; }
    public string? Endpoint { get; init; }
}

/// <summary>Chain-wide limits every node enforces identically.</summary>
public sealed record ChainParameters
{
    public int MaxTxBytes { get; init; } = 64 * 1024;
    public int MaxBlockTxs { get; init; } = 2_000;
    public int MaxBlockBytes { get; init; } = 8 * 1024 * 1024;
    /// <summary>Longest allowed NotAfter − NotBefore; bounds how long nonces must be remembered.</summary>
    public long MaxValidityWindowMs { get; init; } = 24 * 60 * 60 * 1000;

    public void Validate()
    {
        if (MaxTxBytes is < 256 or > 16 * 1024 * 1024) throw new GenesisException("parameters.maxTxBytes must be 256 B – 16 MiB");
        if (MaxBlockTxs is < 1 or > 100_000) throw new GenesisException("parameters.maxBlockTxs must be 1–100000");
        if (MaxBlockBytes < MaxTxBytes) throw new GenesisException("parameters.maxBlockBytes must be ≥ maxTxBytes");
        if (MaxValidityWindowMs < 1000) throw new GenesisException("parameters.maxValidityWindowMs must be ≥ 1000");
    }

    internal void Write(CanonicalWriter w) => w.U32((uint)MaxTxBytes).U32((uint)MaxBlockTxs).U32((uint)MaxBlockBytes).I64(MaxValidityWindowMs);
}

public sealed class GenesisException(string message) : Exception(message);
