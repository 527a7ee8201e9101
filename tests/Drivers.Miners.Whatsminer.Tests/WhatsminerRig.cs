using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Drivers.Miners.Rpc;
using ProofOfHeat.Drivers.Miners.Whatsminer.V2;
using ProofOfHeat.Drivers.Miners.Whatsminer.V3;
using ProofOfHeat.Sim.Miners.Whatsminer;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Drivers.Miners.Whatsminer.Tests;

/// <summary>
/// A simulated Whatsminer on fake time and a driver for it. The driver runs on the real clock with
/// short bounds, so socket timeouts end in milliseconds; the miner's physics moves only when the
/// test advances <see cref="Clock"/>.
/// </summary>
internal sealed class WhatsminerRig : IAsyncDisposable
{
    // Generous enough that a cold JIT on a busy machine does not cause a retry that would muddle request counts.
    public static readonly MinerTimeouts Short = new()
    {
        Connect = TimeSpan.FromSeconds(10),
        Reply = TimeSpan.FromSeconds(10),
        Retries = 1,
        RetryDelay = TimeSpan.FromMilliseconds(10),
        Verify = TimeSpan.FromMilliseconds(300),
        VerifyPoll = TimeSpan.FromMilliseconds(20),
    };

    /// <summary>For the tests that wait out a timeout on purpose.</summary>
    public static readonly MinerTimeouts Fast = Short with { Reply = TimeSpan.FromSeconds(1) };

    private WhatsminerRig(WhatsminerSimulator miner, WhatsminerSimulatorEndpoint at, FakeTimeProvider clock)
    {
        Miner = miner;
        At = at;
        Clock = clock;
        V3Port = at.V3Port ?? ClosedPort();
    }

    /// <summary>The v3 port, or a closed one when the firmware has no v3 API.</summary>
    public int V3Port { get; }

    public WhatsminerSimulator Miner { get; }

    public WhatsminerSimulatorEndpoint At { get; }

    public FakeTimeProvider Clock { get; }

    public MinerEndpoint Endpoint(string? password = null) => new("127.0.0.1")
    {
        RpcPort = At.RpcPort,
        HttpPort = At.HttpPort,
        WhatsminerV3Port = V3Port,
        Password = password,
    };

    public static MinerDriverContext Context(MinerTimeouts? timeouts = null) =>
        new(TimeProvider.System, timeouts ?? Short, NullLoggerFactory.Instance);

    public static async Task<WhatsminerRig> StartAsync(WhatsminerSimulatorOptions? options = null)
    {
        var clock = new FakeTimeProvider();
        var miner = new WhatsminerSimulator(clock, options);
        return new WhatsminerRig(miner, await miner.StartAsync(CancellationToken.None), clock);
    }

    public WhatsminerV2Driver V2(string? password = null, WhatsminerV2DriverOptions? options = null, MinerTimeouts? timeouts = null) =>
        new(Endpoint(password), Context(timeouts), options);

    public WhatsminerV3Driver V3(string? password = null, MinerTimeouts? timeouts = null) => new(Endpoint(password), Context(timeouts));

    public CgminerRpcClient Rpc() => new("127.0.0.1", At.RpcPort, Short, TimeProvider.System);

    /// <summary>What <c>poh miners probe</c> would gather: the web root, the RPC version reply, the v3 port.</summary>
    public async Task<MinerProbeEvidence> ProbeAsync()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var http = new HttpClient(handler);
        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{At.HttpPort}/"));
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
        return new MinerProbeEvidence
        {
            Endpoint = Endpoint(),
            HttpStatus = (int)response.StatusCode,
            HttpHeaders = headers,
            HttpBody = await response.Content.ReadAsStringAsync(),
            RpcVersionReply = await Rpc().SendRawAsync("""{"command":"version"}""", CancellationToken.None),
            WhatsminerV3PortOpen = await IsOpenAsync(V3Port),
        };
    }

    public ValueTask DisposeAsync() => Miner.DisposeAsync();

    private static async Task<bool> IsOpenAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    // A port nothing listens on: bound once, then released.
    private static int ClosedPort()
    {
        var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
