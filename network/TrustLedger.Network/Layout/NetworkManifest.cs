using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrustLedger.Network.Layout;

/// <summary>
/// <c>network.json</c>: what tlnet generated, so later commands know the nodes without asking the user again.
/// Ports are recorded rather than recomputed: they are in the genesis (validator endpoints) and must not move.
/// </summary>
public sealed record NetworkManifest
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;
    public required string ChainId { get; init; }
    public required string Suite { get; init; }
    public required int BasePort { get; init; }

    /// <summary>
    /// Organisations org1..org{Admins} hold the admin role; the others every role but admin. Manifests written before
    /// <c>--admins</c> lack it: every organisation was an admin there, and <see cref="Load"/> says so.
    /// </summary>
    public int Admins { get; init; }

    public required IReadOnlyList<NodeEntry> Nodes { get; init; }

    /// <summary>Whether the node's organisation holds the admin role.</summary>
    public bool IsAdmin(NodeEntry node) => node.Index <= Admins;

    /// <summary>
    /// Approvals a governance proposal needs: a majority of the admin organisations, the governance contract's rule
    /// when the genesis sets no threshold (tlnet sets none).
    /// </summary>
    [JsonIgnore]
    public int ApprovalsNeeded => Admins / 2 + 1;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        RespectNullableAnnotations = true,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <exception cref="NetworkException">The file is not a manifest this tlnet understands.</exception>
    public static NetworkManifest Load(string path)
    {
        NetworkManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<NetworkManifest>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException e)
        {
            throw new NetworkException($"{path} is not a tlnet network manifest: {e.Message}");
        }
        if (manifest is null || manifest.Nodes.Count == 0) throw new NetworkException($"{path} names no nodes");
        if (manifest.Format != CurrentFormat)
            throw new NetworkException($"{path} has format {manifest.Format}; this tlnet reads format {CurrentFormat}");
        if (manifest.Admins == 0) return manifest with { Admins = manifest.Nodes.Count };
        if (manifest.Admins < 0 || manifest.Admins > manifest.Nodes.Count)
            throw new NetworkException($"{path} names {manifest.Admins} admin organisations among {manifest.Nodes.Count}");
        return manifest;
    }
}

/// <summary>One node of the network: its number, the organisation running it and its loopback ports.</summary>
public sealed record NodeEntry
{
    /// <summary>1-based; node K runs organisation orgK.</summary>
    public required int Index { get; init; }
    public required string Organisation { get; init; }
    public required int GrpcPort { get; init; }
    public required int SiloPort { get; init; }
    public required int GatewayPort { get; init; }

    /// <summary>Whether the node serves mutual TLS (false for <c>up --plaintext</c> and networks made before TLS).</summary>
    public bool Tls { get; init; }

    /// <summary>The gRPC URL clients and peers use.</summary>
    [JsonIgnore]
    public string Endpoint => $"{(Tls ? "https" : "http")}://127.0.0.1:{GrpcPort}";
}
