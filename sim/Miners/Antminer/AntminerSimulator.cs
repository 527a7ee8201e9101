namespace ProofOfHeat.Sim.Miners.Antminer;

/// <summary>
/// A stock-firmware Antminer on loopback (cgminer's API-README and pyasic's bmminer backend; pyasic's stock-Antminer web API): the bmminer RPC,
/// read-only as shipped (privileged commands are denied), and the web cgi API behind HTTP Digest,
/// where <c>set_miner_conf.cgi</c> changes the work mode. The physics is <see cref="MinerHardware"/>
/// on the injected clock; <see cref="Faults"/> switches misbehaviour on. Tests read the received
/// requests to prove what was (not) sent.
/// </summary>
public sealed class AntminerSimulator : IAsyncDisposable
{
    private readonly List<string> _received = [];
    private readonly Lock _gate = new();
    private SimRpcServer? _rpc;
    private SimHttpServer? _web;
    private bool _rebooting;

    /// <summary>Creates a miner that is mining in its initial work mode; nothing listens until <see cref="StartAsync"/>.</summary>
    public AntminerSimulator(TimeProvider time, AntminerSimulatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        Options = options ?? new AntminerSimulatorOptions();
        Time = time;
        Hardware = new MinerHardware(Options.Hardware, time, Options.IntakeTemperature);
        Digest = new SimDigestAuthority(time, Options.Realm, Options.NonceLifetime);
        WorkMode = Options.InitialWorkMode;
        if (WorkMode == 1)
        {
            Hardware.Sleep();
        }
        else
        {
            Hardware.SetPowerTarget(WattsIn(WorkMode));
        }
    }

    /// <summary>How the miner was built.</summary>
    public AntminerSimulatorOptions Options { get; }

    /// <summary>The physical miner.</summary>
    public MinerHardware Hardware { get; }

    /// <summary>Switchable misbehaviour (garbage, no terminator, stall, wrong password).</summary>
    public MinerFaults Faults { get; } = new();

    /// <summary>The configured work mode (<c>bitmain-work-mode</c>): 0 normal, 1 sleep, 2 HEM, 3 LPM.</summary>
    public int WorkMode { get; private set; }

    /// <summary>The pools in the configuration (three slots, as the firmware keeps them).</summary>
    public IReadOnlyList<(string Url, string User, string Pass)> Pools { get; internal set; } =
    [
        ("stratum+tcp://btc.example-pool.io:3333", "acct.heater1", "x"),
        ("stratum+tcp://btc.example-pool.io:443", "acct.heater1", "x"),
        ("", "", ""),
    ];

    /// <summary>
    /// Every request received, in order: RPC commands by name (e.g. "summary") and web requests as
    /// "METHOD /path STATUS" (e.g. "POST /cgi-bin/set_miner_conf.cgi 200").
    /// </summary>
    public IReadOnlyList<string> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Whether a reboot keeps the whole miner (web included) down right now.</summary>
    public bool IsRebooting
    {
        get
        {
            lock (_gate)
            {
                // The reboot ends with the hardware's restart; a later bmminer-only restart (a mode change) keeps the web up.
                if (_rebooting && !Hardware.Read().IsApiDown)
                {
                    _rebooting = false;
                }

                return _rebooting;
            }
        }
    }

    internal TimeProvider Time { get; }

    internal SimDigestAuthority Digest { get; }

    /// <summary>How many received entries equal <paramref name="entry"/> (an RPC command, or "METHOD /path STATUS").</summary>
    public int CountOf(string entry)
    {
        lock (_gate)
        {
            return _received.Count(r => string.Equals(r, entry, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Reboots the whole miner (as <c>reboot.cgi</c> does): RPC and web are down for the restart time.</summary>
    public void Reboot()
    {
        lock (_gate)
        {
            _rebooting = true;
            Hardware.Restart();
        }
    }

    /// <summary>Starts listening; returns where.</summary>
    public Task<AntminerSimulatorEndpoint> StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_rpc is null)
        {
            _rpc = new SimRpcServer(new AntminerSimRpc(this).Handle, Faults, Options.RpcPort);
            _web = new SimHttpServer(new AntminerSimWeb(this).HandleAsync, Faults, Options.HttpPort);
        }

        return Task.FromResult(new AntminerSimulatorEndpoint("127.0.0.1", _rpc.Port, _web!.Port));
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

    /// <summary>Power of work mode <paramref name="mode"/>, W.</summary>
    internal int WattsIn(int mode) => mode switch
    {
        3 => Options.LowPowerWatts,
        2 => Options.HighEfficiencyWatts ?? Options.Hardware.NominalPowerWatts,
        _ => Options.Hardware.NominalPowerWatts,
    };

    /// <summary>Whether the firmware knows work mode <paramref name="mode"/>.</summary>
    internal bool HasMode(int mode) => mode is 0 or 1 or 3 || (mode == 2 && Options.HighEfficiencyWatts is not null);

    /// <summary>
    /// Switches the work mode as the firmware does: sleep stops the boards with bmminer still up;
    /// any running mode restarts bmminer (its RPC is down a while) and warms the boards up again.
    /// </summary>
    internal void ApplyWorkMode(int mode)
    {
        lock (_gate)
        {
            if (mode == WorkMode)
            {
                return;
            }

            WorkMode = mode;
            if (mode == 1)
            {
                Hardware.Sleep();
                return;
            }

            Hardware.Wake();
            Hardware.SetPowerTarget(WattsIn(mode), restarts: true);
        }
    }

    internal void Record(string entry)
    {
        lock (_gate)
        {
            _received.Add(entry);
        }
    }
}
