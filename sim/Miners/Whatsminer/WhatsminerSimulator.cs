namespace ProofOfHeat.Sim.Miners.Whatsminer;

/// <summary>
/// A Whatsminer on loopback (MicroBT's WhatsMiner API documents): API v2 on the RPC port with tokens
/// that expire, the admin password's MD5-crypt key and AES-256-ECB writes; API v3 on the v3 port
/// when <see cref="WhatsminerSimulatorOptions.Generation"/> says the firmware has it; and a web
/// root that redirects to https like the real one. The physics is <see cref="MinerHardware"/> on
/// the injected clock; <see cref="Faults"/> switches misbehaviour on; tests read the received
/// commands to prove what was (not) sent.
/// </summary>
public sealed class WhatsminerSimulator : IAsyncDisposable
{
    private readonly List<string> _received = [];
    private SimRpcServer? _rpc;
    private WhatsminerV3SimServer? _v3;
    private SimHttpServer? _web;
    private int _powerLimit;

    /// <summary>Creates a miner mining at its nominal power limit; nothing listens until <see cref="StartAsync"/>.</summary>
    public WhatsminerSimulator(TimeProvider time, WhatsminerSimulatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        Options = options ?? new WhatsminerSimulatorOptions();
        Time = time;
        Hardware = new MinerHardware(Options.EffectiveHardware, time, Options.IntakeTemperature);
        _powerLimit = Hardware.Spec.NominalPowerWatts;
        Tokens = new WhatsminerSimTokens(time);
    }

    /// <summary>The physical miner.</summary>
    public MinerHardware Hardware { get; }

    /// <summary>Switchable misbehaviour: garbage, no terminator, stall, a changed password, all tokens taken.</summary>
    public MinerFaults Faults { get; } = new();

    /// <summary>How the miner was built.</summary>
    public WhatsminerSimulatorOptions Options { get; }

    /// <summary>The firmware version (its date tells the API generation).</summary>
    public string FirmwareVersion => Options.EffectiveFirmwareVersion;

    /// <summary>The power limit set, W (<c>adjust_power_limit</c> / <c>set.miner.power_limit</c>).</summary>
    public int PowerLimitWatts => Volatile.Read(ref _powerLimit);

    /// <summary>The temporary cut of <c>set_power_pct</c>, percent (0 = none).</summary>
    public int PowerPercent { get; private set; }

    /// <summary>Error codes the miner reports (get_error_code on v2, error-code on v3), e.g. "218".</summary>
    public IReadOnlyList<string> ErrorCodes { get; set; } = [];

    /// <summary>Every command received on either API, in order (names only; decrypted for v2 writes).</summary>
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

    /// <summary>Requests that reached the RPC port, including ones answered with a fault.</summary>
    public int RpcRequestCount => _rpc?.RequestCount ?? 0;

    /// <summary>Request frames that reached the v3 port, including ones answered with a fault.</summary>
    public int V3RequestCount => _v3?.RequestCount ?? 0;

    internal TimeProvider Time { get; }

    internal WhatsminerSimTokens Tokens { get; }

    /// <summary>How many times <paramref name="command"/> was received.</summary>
    public int CountOf(string command)
    {
        lock (_received)
        {
            return _received.Count(c => string.Equals(c, command, StringComparison.Ordinal));
        }
    }

    /// <summary>Starts listening (the v3 port only for v3 firmware); returns where.</summary>
    public Task<WhatsminerSimulatorEndpoint> StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_rpc is null)
        {
            _rpc = new SimRpcServer(new WhatsminerV2SimHandler(this).Handle, Faults, Options.RpcPort);
            _web = new SimHttpServer(ServeWebRootAsync, Faults, Options.HttpPort);
            if (Options.Generation == WhatsminerApiGeneration.V3)
            {
                _v3 = new WhatsminerV3SimServer(new WhatsminerV3SimHandler(this).Handle, Faults, Options.V3Port);
            }
        }

        return Task.FromResult(new WhatsminerSimulatorEndpoint("127.0.0.1", _rpc.Port, _v3?.Port, _web!.Port));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_rpc is not null)
        {
            await _rpc.DisposeAsync();
        }

        if (_v3 is not null)
        {
            await _v3.DisposeAsync();
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

    /// <summary>Sets the power limit; the mining software restarts to apply it when <paramref name="restarts"/>.</summary>
    internal void SetPowerLimit(int watts, bool restarts)
    {
        Volatile.Write(ref _powerLimit, watts);
        PowerPercent = 0;
        Hardware.SetPowerTarget(watts, restarts);
    }

    /// <summary>A temporary cut to <paramref name="percent"/> of the limit, without a restart (0 or 100 lifts it).</summary>
    internal void SetPowerPercent(int percent)
    {
        PowerPercent = percent is 0 or 100 ? 0 : percent;
        Hardware.SetPowerTarget(PowerPercent == 0 ? PowerLimitWatts : PowerLimitWatts * PowerPercent / 100);
    }

    private Task<SimHttpResponse> ServeWebRootAsync(SimHttpRequest request, CancellationToken cancellationToken)
    {
        if (Hardware.Read().IsApiDown)
        {
            throw new IOException("The miner is rebooting.");
        }

        // The real web UI (LuCI) answers plain http with a redirect to https.
        return Task.FromResult(request.Path == "/"
            ? new SimHttpResponse(307, "<html><body><a href=\"https://127.0.0.1/cgi-bin/luci\">/cgi-bin/luci</a></body></html>", "text/html")
            {
                Headers = new Dictionary<string, string> { ["Location"] = "https://127.0.0.1/cgi-bin/luci" },
            }
            : SimHttpResponse.NotFound());
    }
}
