namespace ProofOfHeat.Sim.Miners.Avalon;

/// <summary>
/// A Canaan Avalon home miner on loopback (pyasic's Avalon backend): the cgminer RPC,
/// whose telemetry is the <c>MM ID0</c> status string, controlled with <c>ascset</c> work levels
/// and soft off/on at a time on the miner's own clock. The physics is <see cref="MinerHardware"/>
/// on the injected clock; <see cref="Faults"/> switches misbehaviour on. Tests read the received
/// commands to prove what was (not) sent.
/// </summary>
public sealed class AvalonSimulator : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<string> _received = [];
    private readonly List<(bool Off, long At, ITimer Timer)> _pending = [];
    private readonly DateTimeOffset _startedAt;
    private SimRpcServer? _rpc;
    private SimHttpServer? _web;
    private bool _softOff;

    /// <summary>Creates a miner that is mining at its initial level; nothing listens until <see cref="StartAsync"/>.</summary>
    public AvalonSimulator(TimeProvider time, AvalonSimulatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        Options = options ?? AvalonSimulatorOptions.Nano3;
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.LevelWatts.Count, 1);
        Time = time;
        _startedAt = time.GetUtcNow();
        Hardware = new MinerHardware(Options.Hardware, time, Options.IntakeTemperature);
        var initial = Math.Clamp(Options.InitialLevel, 0, Options.LevelWatts.Count - 1);
        WorkMode = Options.HasWorkModes ? initial : null;
        WorkLevel = Options.HasWorkModes ? 0 : initial;
        Hardware.SetPowerTarget(Options.LevelWatts[PowerSetting]);
    }

    /// <summary>How the miner was built.</summary>
    public AvalonSimulatorOptions Options { get; }

    /// <summary>The physical miner.</summary>
    public MinerHardware Hardware { get; }

    /// <summary>Switchable misbehaviour (garbage, no NUL, stall).</summary>
    public MinerFaults Faults { get; } = new();

    /// <summary>The current work level (<c>WORKLEVEL</c>): the power setting without work modes, a sub-level inside the mode with them.</summary>
    public int WorkLevel { get; private set; }

    /// <summary>The current work mode (<c>WORKMODE</c>) on a model with work modes; null without.</summary>
    public int? WorkMode { get; private set; }

    /// <summary>The setting that selects the power: the work mode where the model has them, else the work level.</summary>
    public int PowerSetting => WorkMode ?? WorkLevel;

    /// <summary>Whether mining is soft-switched off (<c>SoftOFF[1]</c>).</summary>
    public bool SoftOff
    {
        get
        {
            ApplyDue();
            lock (_gate)
            {
                return _softOff;
            }
        }
    }

    /// <summary>The miner's own clock now (Unix seconds), as its replies' <c>When</c> show it.</summary>
    public long MinerClock => Options.ClockAtStart + (long)Math.Floor((Time.GetUtcNow() - _startedAt).TotalSeconds);

    /// <summary>Every RPC request received, in order, as "command" or "command parameter" (e.g. "ascset 0,worklevel,set,2").</summary>
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

    internal TimeProvider Time { get; }

    /// <summary>How many received requests start with <paramref name="prefix"/> (e.g. "ascset").</summary>
    public int CountOf(string prefix)
    {
        lock (_gate)
        {
            return _received.Count(r => r.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Starts listening; returns where.</summary>
    public Task<AvalonSimulatorEndpoint> StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_rpc is null)
        {
            _rpc = new SimRpcServer(new AvalonSimRpc(this).Handle, Faults, Options.RpcPort);
            _web = new SimHttpServer(ServeWebAsync, Faults, Options.HttpPort);
        }

        return Task.FromResult(new AvalonSimulatorEndpoint("127.0.0.1", _rpc.Port, _web!.Port));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            foreach (var pending in _pending)
            {
                pending.Timer.Dispose();
            }

            _pending.Clear();
        }

        if (_rpc is not null)
        {
            await _rpc.DisposeAsync();
        }

        if (_web is not null)
        {
            await _web.DisposeAsync();
        }
    }

    internal void Record(string entry)
    {
        lock (_gate)
        {
            _received.Add(entry);
        }
    }

    /// <summary>
    /// <c>worklevel,set,L</c>: on a model without work modes the power follows within the settle time (no restart);
    /// on one with work modes it is a sub-level inside the mode and the power stays (the field report of issue 18:
    /// a Nano 3S stayed at 133 W after worklevel,set).
    /// </summary>
    internal bool SetWorkLevel(int level)
    {
        var range = Options.HasWorkModes ? (-1, 2) : (0, Options.LevelWatts.Count - 1);
        if (level < range.Item1 || level > range.Item2)
        {
            return false;
        }

        lock (_gate)
        {
            if (Faults.IgnoreCommands)
            {
                return true;
            }

            WorkLevel = level;
            if (!Options.HasWorkModes)
            {
                Hardware.SetPowerTarget(Options.LevelWatts[level]);
            }
        }

        return true;
    }

    /// <summary><c>workmode,set,N</c> on a model with work modes: the power follows within the settle time, no restart.</summary>
    internal bool SetWorkMode(int mode)
    {
        if (!Options.HasWorkModes || mode < 0 || mode >= Options.LevelWatts.Count)
        {
            return false;
        }

        lock (_gate)
        {
            if (!Faults.IgnoreCommands)
            {
                WorkMode = mode;
                Hardware.SetPowerTarget(Options.LevelWatts[mode]);
            }
        }

        return true;
    }

    /// <summary>Schedules soft off (or on) at <paramref name="minerTime"/> on the miner's clock; a time already past applies at once.</summary>
    internal void ScheduleSoft(bool off, long minerTime)
    {
        if (Faults.IgnoreCommands)
        {
            return;
        }

        var delay = TimeSpan.FromSeconds(Math.Max(0, minerTime - MinerClock));
        lock (_gate)
        {
            var timer = Time.CreateTimer(_ => ApplyDue(), null, delay, Timeout.InfiniteTimeSpan);
            _pending.Add((off, minerTime, timer));
        }

        ApplyDue();
    }

    /// <summary>Carries out the soft off/on actions whose time has come, in their order.</summary>
    internal void ApplyDue()
    {
        lock (_gate)
        {
            var now = MinerClock;
            foreach (var due in _pending.Where(p => p.At <= now).OrderBy(p => p.At).ToList())
            {
                _pending.Remove(due);
                due.Timer.Dispose();
                _softOff = due.Off;
                if (due.Off)
                {
                    Hardware.Sleep();
                }
                else
                {
                    Hardware.Wake();
                }
            }
        }
    }

    private Task<SimHttpResponse> ServeWebAsync(SimHttpRequest request, CancellationToken cancellationToken)
    {
        if (Hardware.Read().IsApiDown)
        {
            throw new IOException("The miner is restarting.");
        }

        return Task.FromResult(request.Path == "/"
            ? new SimHttpResponse(200, $"<!DOCTYPE html><html><head><title>{Options.Product}</title></head><body><div id=\"app\">Avalon Device</div></body></html>", "text/html")
            : SimHttpResponse.NotFound());
    }
}
