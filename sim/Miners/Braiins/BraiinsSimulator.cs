namespace ProofOfHeat.Sim.Miners.Braiins;

/// <summary>
/// A Braiins OS miner on loopback (Braiins OS Public REST API, OpenAPI 1.7.0): the public REST API under
/// <c>/api/v1</c> with token login, power target within the tuner's constraints, pause and resume,
/// and a web root that names the firmware. The physics is <see cref="MinerHardware"/> on the
/// injected clock; <see cref="Faults"/> switches misbehaviour on. Tests read the request log to
/// prove what was (not) sent.
/// </summary>
public sealed class BraiinsSimulator : IAsyncDisposable
{
    private readonly List<string> _requests = [];
    private readonly RebootableHttpServer _server;

    /// <summary>Creates a miner that is mining at its default target; nothing listens until <see cref="StartAsync"/>.</summary>
    public BraiinsSimulator(TimeProvider time, BraiinsSimulatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        Options = options ?? new BraiinsSimulatorOptions();
        Time = time;
        Hardware = new MinerHardware(Options.Hardware, time, Options.IntakeTemperature);
        Tokens = new SimTokenStore(time, Options.TokenLifetime);
        _server = new RebootableHttpServer(new BraiinsRestHandler(this).HandleAsync, Faults, time);
    }

    /// <summary>The physical miner.</summary>
    public MinerHardware Hardware { get; }

    /// <summary>Switchable misbehaviour (garbage, a cut body, stall, a changed password).</summary>
    public MinerFaults Faults { get; } = new();

    /// <summary>Whether mining is paused.</summary>
    public bool IsPaused { get; internal set; }

    /// <summary>Every request received, as "METHOD /path", in order.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    internal BraiinsSimulatorOptions Options { get; }

    internal TimeProvider Time { get; }

    internal SimTokenStore Tokens { get; }

    /// <summary>How many requests with <paramref name="method"/> went to <paramref name="path"/> (e.g. "PUT", "/api/v1/actions/pause").</summary>
    public int CountOf(string method, string path)
    {
        lock (_requests)
        {
            return _requests.Count(r => string.Equals(r, method + " " + path, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Restarts bosminer: the system stays up and the API answers 412 until it is back.</summary>
    public void RestartBosminer() => Hardware.Restart();

    /// <summary>Reboots the whole miner: its port refuses connections until it is back, and every token is forgotten.</summary>
    public Task RebootAsync()
    {
        Tokens.Clear();
        Hardware.Restart();
        return _server.GoDownAsync(Hardware.Spec.RestartDuration);
    }

    /// <summary>Starts listening; returns where.</summary>
    public Task<BraiinsSimulatorEndpoint> StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _server.Start(Options.HttpPort);
        return Task.FromResult(new BraiinsSimulatorEndpoint("127.0.0.1", _server.Port));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    internal void Record(SimHttpRequest request)
    {
        lock (_requests)
        {
            _requests.Add(request.Method + " " + request.Path);
        }
    }
}
