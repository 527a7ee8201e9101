namespace ProofOfHeat.Sim.Miners.VNish;

/// <summary>
/// A VNish (AnthillOS) miner on loopback (VNish's OpenAPI document, as published in asic-rs): the REST API under
/// <c>/api/v1</c> with unlock and bearer token (and its lockout after wrong passwords), pause and
/// resume, presets with <c>restart_required</c>, and a web root that names the firmware. The
/// physics is <see cref="MinerHardware"/> on the injected clock; <see cref="Faults"/> switches
/// misbehaviour on. Tests read the request log to prove what was (not) sent.
/// </summary>
public sealed class VNishSimulator : IAsyncDisposable
{
    private readonly List<string> _requests = [];
    private readonly RebootableHttpServer _server;

    /// <summary>Creates a miner mining on its highest tuned preset; nothing listens until <see cref="StartAsync"/>.</summary>
    public VNishSimulator(TimeProvider time, VNishSimulatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        Options = options ?? new VNishSimulatorOptions();
        Time = time;
        Hardware = new MinerHardware(Options.Hardware, time, Options.IntakeTemperature);
        Tokens = new SimTokenStore(time, TimeSpan.FromHours(24), tokenLength: 32);
        var start = Options.Presets.Where(p => p.IsTuned).MaxBy(p => p.Watts)
            ?? throw new ArgumentException("At least one preset must be tuned.", nameof(options));
        RunningPreset = SavedPreset = start.Name;
        Hardware.SetPowerTarget(start.Watts);
        BootedAt = time.GetUtcNow();
        _server = new RebootableHttpServer(new VNishRestHandler(this).HandleAsync, Faults, time);
    }

    /// <summary>The physical miner.</summary>
    public MinerHardware Hardware { get; }

    /// <summary>Switchable misbehaviour (garbage, a cut body, stall, a changed password).</summary>
    public MinerFaults Faults { get; } = new();

    /// <summary>The preset the miner runs.</summary>
    public string RunningPreset { get; internal set; }

    /// <summary>The preset in the saved settings (it runs after the restart the change asked for).</summary>
    public string SavedPreset { get; internal set; }

    /// <summary>Whether mining is paused (<c>mining/pause</c>).</summary>
    public bool IsPaused { get; internal set; }

    /// <summary>Whether mining is stopped (<c>mining/stop</c>).</summary>
    public bool IsStopped { get; internal set; }

    /// <summary>A firmware bug on demand: settings changes are acknowledged but not saved.</summary>
    public bool IgnorePresetChanges { get; set; }

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

    internal VNishSimulatorOptions Options { get; }

    internal TimeProvider Time { get; }

    internal SimTokenStore Tokens { get; }

    internal DateTimeOffset BootedAt { get; private set; }

    internal DateTimeOffset AutotuneUntil { get; set; } = DateTimeOffset.MinValue;

    /// <summary>How many requests with <paramref name="method"/> went to <paramref name="path"/> (e.g. "POST", "/api/v1/mining/pause").</summary>
    public int CountOf(string method, string path)
    {
        lock (_requests)
        {
            return _requests.Count(r => string.Equals(r, method + " " + path, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Stops mining fully, as <c>POST mining/stop</c> or the web UI's stop button does.</summary>
    public void StopMining()
    {
        IsStopped = true;
        Hardware.Sleep();
    }

    /// <summary>Reboots the whole miner: its port refuses connections until it is back, tokens are forgotten, pause ends.</summary>
    public Task RebootAsync()
    {
        Tokens.Clear();
        IsPaused = IsStopped = false;
        RunningPreset = SavedPreset;
        Hardware.Wake();
        Hardware.SetPowerTarget(PresetWatts(SavedPreset), restarts: true);
        BootedAt = Time.GetUtcNow();
        return _server.GoDownAsync(Hardware.Spec.RestartDuration);
    }

    /// <summary>Starts listening; returns where.</summary>
    public Task<VNishSimulatorEndpoint> StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _server.Start(Options.HttpPort);
        return Task.FromResult(new VNishSimulatorEndpoint("127.0.0.1", _server.Port));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    internal int PresetWatts(string name) =>
        Options.Presets.FirstOrDefault(p => p.Name == name) is { Watts: > 0 } preset ? preset.Watts : Hardware.Spec.NominalPowerWatts;

    internal void Record(SimHttpRequest request)
    {
        lock (_requests)
        {
            _requests.Add(request.Method + " " + request.Path);
        }
    }
}
