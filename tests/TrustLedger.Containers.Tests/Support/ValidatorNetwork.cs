using TrustLedger.Protocol.Crypto.KeyFiles;
using TrustLedger.Sdk;
using Xunit.Abstractions;

namespace TrustLedger.Containers.Tests.Support;

/// <summary>
/// The validators of a <see cref="GeneratedNetwork"/>, one container each, on a Docker network of their own: node K is
/// <c>nodeK</c> there, and its <c>--peers</c> are the other nodes' <see cref="NodeContainer.NetworkEndpoint"/>s
/// (<c>https://nodeJ:5080</c>, mutual TLS with the generated certificates).
/// Disposing removes the containers and the network.
/// </summary>
public sealed class ValidatorNetwork : IAsyncDisposable
{
    private readonly TestNetwork _network;
    private readonly List<NodeContainer> _nodes;
    private readonly ITestOutputHelper? _output;

    private ValidatorNetwork(GeneratedNetwork files, TestNetwork network, List<NodeContainer> nodes, ITestOutputHelper? output)
    {
        Files = files;
        _network = network;
        _nodes = nodes;
        _output = output;
    }

    public GeneratedNetwork Files { get; }
    public IReadOnlyList<NodeContainer> Nodes => _nodes;

    /// <summary>Node <paramref name="index"/>, 1-based like the generated folders.</summary>
    public NodeContainer this[int index] => _nodes[index - 1];

    /// <summary>
    /// Creates the network and starts every validator, all at once (a node does not wait for its peers to listen).
    /// On dispose the end of each node's log goes to <paramref name="output"/>.
    /// </summary>
    public static async Task<ValidatorNetwork> StartAsync(GeneratedNetwork files, ITestOutputHelper? output = null, params string[] extraArguments)
    {
        var network = await TestNetwork.CreateAsync();
        var endpoints = Enumerable.Range(1, files.Validators).Select(k => $"https://{GeneratedNetwork.Alias(k)}:{NodeContainer.GrpcPort}").ToArray();
        var nodes = Enumerable.Range(1, files.Validators)
            .Select(k => NodeContainer.Validator(files, k, network.Network, [.. endpoints.Where((_, j) => j != k - 1)], extraArguments))
            .ToList();
        var started = new ValidatorNetwork(files, network, nodes, output);
        try
        {
            await Task.WhenAll(nodes.Select(n => n.StartAsync()));
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A client of node <paramref name="index"/> signing with that organisation's generated client key, over mutual TLS
    /// with that organisation's client certificate.
    /// </summary>
    public async Task<TrustLedgerClient> ClientAsync(int index) =>
        await this[index].ConnectAsync(KeyFile.Load(Files.ClientKeyPath(index), NodeContainer.Password));

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            if (_output is not null && node.Created)
            {
                var log = await node.LogsAsync();
                _output.WriteLine($"--- {node.Alias}\n{(log.Length > 4000 ? log[^4000..] : log)}");
            }
            await node.DisposeAsync();
        }
        await _network.DisposeAsync();
    }
}
