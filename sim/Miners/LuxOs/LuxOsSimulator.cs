using System.Globalization;

namespace ProofOfHeat.Sim.Miners.LuxOs;

/// <summary>
/// A LuxOS miner on loopback (LuxOS's API docs): the cgminer-style RPC with its
/// session lock, curtail sleep/wakeup, profiles and ATM, and a web root that names the firmware.
/// The physics is <see cref="MinerHardware"/> on the injected clock; <see cref="Faults"/> switches
/// misbehaviour on. Tests read the received commands to prove what was (not) sent.
/// </summary>
public sealed class LuxOsSimulator : IAsyncDisposable
{
    private readonly LuxOsSimulatorOptions _options;
    private readonly List<string> _received = [];
    private SimRpcServer? _rpc;
    private SimHttpServer? _web;

    /// <summary>Creates a miner that is mining on its default profile with ATM as configured; nothing listens until <see cref="StartAsync"/>.</summary>
    public LuxOsSimulator(TimeProvider time, LuxOsSimulatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _options = options ?? new LuxOsSimulatorOptions();
        Time = time;
        Hardware = new MinerHardware(_options.Hardware, time, _options.IntakeTemperature);
        Profiles = BuildProfiles(_options);
        Profile = Profiles[^1].Name;
        AtmEnabled = _options.AtmEnabled;
        Sessions = new LuxOsSessionLock(time, _options.SessionTimeout, Faults);
        Replies = new LuxOsSimReplies(time, _options.Version);
        Hardware.SetPowerTarget(Profiles[^1].Watts);
    }

    /// <summary>The physical miner.</summary>
    public MinerHardware Hardware { get; }

    /// <summary>Switchable misbehaviour (garbage, no NUL, stall, a session held by another client).</summary>
    public MinerFaults Faults { get; } = new();

    /// <summary>The machine's profiles, lowest power first; the last is "default".</summary>
    public IReadOnlyList<LuxOsSimProfile> Profiles { get; }

    /// <summary>The active profile's name.</summary>
    public string Profile { get; internal set; }

    /// <summary>Whether curtail sleep is in effect (it survives restarts).</summary>
    public bool IsCurtailed { get; internal set; }

    /// <summary>Whether Advanced Thermal Management is on (profileset is refused while it is).</summary>
    public bool AtmEnabled { get; set; }

    /// <summary>A firmware bug on demand: <c>profileset</c> is acknowledged but the profile does not change.</summary>
    public bool IgnoreProfileChanges { get; set; }

    /// <summary>The live session's id, or null.</summary>
    public string? ActiveSession => Sessions.Active;

    /// <summary>The LUXminer version.</summary>
    public string Version => _options.Version;

    /// <summary>Every RPC command received, in order (names only, e.g. "logon", "curtail").</summary>
    public IReadOnlyList<string> ReceivedCommands
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    internal TimeProvider Time { get; }

    internal LuxOsSessionLock Sessions { get; }

    internal LuxOsSimReplies Replies { get; }

    /// <summary>How many times <paramref name="command"/> was received.</summary>
    public int CountOf(string command)
    {
        lock (_received)
        {
            return _received.Count(c => string.Equals(c, command, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Starts listening; returns where.</summary>
    public Task<LuxOsSimulatorEndpoint> StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_rpc is null)
        {
            var handler = new LuxOsRpcHandler(this);
            _rpc = new SimRpcServer(handler.Handle, Faults, _options.RpcPort);
            _web = new SimHttpServer(ServeWebRootAsync, Faults, _options.HttpPort);
        }

        return Task.FromResult(new LuxOsSimulatorEndpoint("127.0.0.1", _rpc.Port, _web!.Port));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_rpc is not null)
        {
            await _rpc.DisposeAsync();
        }

        if (_web is not null)
        {
            await _web.DisposeAsync();
        }
    }

    internal void Record(string command)
    {
        lock (_received)
        {
            _received.Add(command);
        }
    }

    private Task<SimHttpResponse> ServeWebRootAsync(SimHttpRequest request, CancellationToken cancellationToken)
    {
        if (Hardware.Read().IsApiDown)
        {
            throw new IOException("The miner is rebooting.");
        }

        return Task.FromResult(request.Path == "/"
            ? new SimHttpResponse(200, "<!doctype html><html><head><title>LuxOS | Luxor Firmware</title></head><body><div id=\"app\"></div></body></html>", "text/html")
            : SimHttpResponse.NotFound());
    }

    // The default profile runs at nameplate; each 25 MHz step down costs power roughly as f^1.6 (voltage drops with it).
    private static LuxOsSimProfile[] BuildProfiles(LuxOsSimulatorOptions options)
    {
        var spec = options.Hardware;
        return [.. Enumerable.Range(0, options.StepsBelowDefault + 1).Reverse().Select(step =>
        {
            var frequency = options.DefaultFrequencyMhz - (25 * step);
            var ratio = (double)frequency / options.DefaultFrequencyMhz;
            var watts = Math.Max(spec.MinimumPowerWatts, (int)(Math.Round(spec.NominalPowerWatts * Math.Pow(ratio, 1.6) / 10) * 10));
            var below = Math.Clamp((double)(spec.NominalPowerWatts - watts) / (spec.NominalPowerWatts - spec.MinimumPowerWatts), 0, 1);
            var hashrate = Math.Round(watts / (spec.JoulesPerTerahash * (1 - (spec.EfficiencyGainAtMinimum * below))), 1);
            var name = step == 0 ? "default" : frequency.ToString(CultureInfo.InvariantCulture) + "MHz";
            return new LuxOsSimProfile(name, frequency, Math.Round(13.6 - (0.1 * step), 2), watts, hashrate);
        })];
    }
}
