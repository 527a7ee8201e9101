using Microsoft.Extensions.Logging;
using ProofOfHeat.Drivers.Miners.Rpc;

namespace ProofOfHeat.Drivers.Miners.Avalon;

/// <summary>
/// Canaan Avalon home miners (Nano 3 / 3S, Mini 3) over the cgminer RPC (cgminer's API-README; the Avalon commands as pyasic's Avalon backend sends them):
/// telemetry from the <c>stats</c> status string; power in the model's modes — <c>ascset 0,workmode,set,N</c> on the
/// Nano 3S, Mini 3 and newer (read back from <c>WORKMODE[n]</c>), falling back to <c>ascset 0,worklevel,set,L</c>
/// once the firmware answers that it does not know <c>workmode</c> (the original Nano 3); measured power from
/// <c>WALLPOWER</c>, else the last number of <c>PS[…]</c>; sleep and wake with <c>ascset 0,softoff|softon,1:&lt;time&gt;</c>,
/// where the time is on the miner's own clock (home miners without NTP count from boot), taken from the replies' <c>When</c>.
/// </summary>
public sealed class AvalonDriver : MinerDriverBase
{
    // pyasic schedules soft off/on five seconds ahead, which the firmware is known to accept.
    private const int SoftSwitchLeadSeconds = 5;

    private readonly CgminerRpcClient _rpc;
    private (long MinerSeconds, DateTimeOffset At)? _minerClock;
    private AvalonModel? _model;
    private bool _workModeUnknown;

    /// <summary>Creates the driver; does no I/O.</summary>
    public AvalonDriver(MinerEndpoint endpoint, MinerDriverContext context)
        : base(MinerFamilies.Avalon, endpoint, context)
    {
        _rpc = new CgminerRpcClient(endpoint.Host, endpoint.RpcPort, Timeouts, Time);
    }

    /// <inheritdoc />
    protected override async Task<MinerCapabilities> ReadCapabilitiesCoreAsync(CancellationToken cancellationToken)
    {
        var model = await ModelAsync(cancellationToken);
        return new MinerCapabilities
        {
            Model = model.Name,
            CanSleep = true,
            PowerControl = MinerPowerControl.Tiers,
            Tiers = [.. model.Modes.Select(m => new MinerPowerTier(m.Name, m.Watts))],
            MaximumPowerWatts = model.Modes.Max(m => m.Watts),
            // No public Canaan document or client tested on these machines restarts them for a mode change: a
            // monitoring script quoting Canaan's Avalon Q API document has "workmode … instant, no reboot", and the
            // Mini 3 integrations (ajberti/ha-avalon-mini, tronsington/docs "Change takes effect immediately") send
            // workmode,set and nothing else. The one third-party note of a Mini 3 reboot is not confirmed by them.
            PowerChangeRestarts = false,
            TypicalSettleTime = TimeSpan.FromSeconds(30),
            ReportsPower = model.MeasuresPower,
            // The PS watts follow the mode's limit (MPO) closely once settled (133 W at MPO[133] in the Nano 3S dump).
            PowerTolerance = model.MeasuresPower ? 0.10 : null,
            SleepPowerWatts = 8,
        };
    }

    /// <inheritdoc />
    protected override async Task<MinerReading> ReadCoreAsync(CancellationToken cancellationToken)
    {
        var model = await ModelAsync(cancellationToken);
        var stats = AvalonStats.Parse((await CommandAsync("stats", null, cancellationToken)).Root);
        var now = Time.GetUtcNow();
        if (stats.MinerClock is { } clock)
        {
            _minerClock = (clock, now);
        }

        var gigahash = stats.HashrateGigahash ?? 0;
        var status = stats.SoftOff ? MinerStatus.Sleeping
            : gigahash > 0 ? MinerStatus.Mining
            : stats.Errors.Count > 0 ? MinerStatus.Faulted
            : MinerStatus.Starting;
        // WALLPOWER where the firmware has it; the Nano 3S and Mini 3 measure in PS[…] instead (only read on a model
        // with work modes: the original Nano 3's PS numbers are not documented as watts); else the mode's limit, an estimate.
        var (power, source) = stats.WallPowerWatts is { } wall ? (wall, PowerReadingSource.Measured)
            : stats.WorkMode is not null && stats.PsWatts is { } ps ? (ps, PowerReadingSource.Measured)
            : status == MinerStatus.Mining && stats.PowerLimitWatts is { } limit ? (limit, PowerReadingSource.Estimated)
            : ((double?)null, PowerReadingSource.None);
        var modeCode = stats.WorkMode ?? stats.WorkLevel;
        return new MinerReading
        {
            At = now,
            Status = status,
            HashrateTerahash = gigahash / 1000,
            PowerWatts = power,
            PowerSource = source,
            PowerLimitWatts = stats.PowerLimitWatts,
            Mode = modeCode is { } code ? (stats.WorkMode is null ? AvalonModel.Nano3 : model).NameOf(code) : null,
            BoardTemperatures = stats.BoardTemperatures,
            ChipTemperatures = stats.ChipTemperatures,
            InletTemperature = stats.InletTemperature,
            OutletTemperature = stats.OutletTemperature,
            FanRpm = stats.FanRpm,
            Uptime = stats.Elapsed,
            Errors = stats.Errors,
        };
    }

    /// <inheritdoc />
    protected override bool IsInEffect(MinerCommand command, MinerReading reading, MinerCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(reading);
        // A mode is in effect once the firmware reports it (WORKMODE, or WORKLEVEL on the original Nano 3); whether
        // the power followed is the base's measured check.
        return command.Kind == MinerCommandKind.SetTier
            ? reading.Status != MinerStatus.Sleeping && string.Equals(reading.Mode, command.Tier, StringComparison.OrdinalIgnoreCase)
            : base.IsInEffect(command, reading, capabilities);
    }

    /// <inheritdoc />
    protected override async Task<SentCommand> SendCoreAsync(
        MinerCommand command, MinerCapabilities capabilities, MinerReading before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(before);
        switch (command.Kind)
        {
            case MinerCommandKind.Sleep:
                return await AscSetAsync(AvalonCommands.SoftOff(MinerNow() + SoftSwitchLeadSeconds), cancellationToken);
            case MinerCommandKind.Wake:
                return await AscSetAsync(AvalonCommands.SoftOn(MinerNow() + SoftSwitchLeadSeconds), cancellationToken);
            case MinerCommandKind.SetTier:
                var sent = new List<string>();
                if (!string.Equals(before.Mode, command.Tier, StringComparison.OrdinalIgnoreCase))
                {
                    sent.Add(await SetModeAsync(command.Tier!, cancellationToken));
                }

                // A mode asked of a sleeping miner means "run in this mode": it is woken too.
                if (before.Status == MinerStatus.Sleeping)
                {
                    sent.Add((await AscSetAsync(AvalonCommands.SoftOn(MinerNow() + SoftSwitchLeadSeconds), cancellationToken)).Detail);
                }

                return new SentCommand(sent.Count > 0 ? string.Join("; ", sent) : "nothing to change");
            default:
                throw new MinerUnsupportedException($"An Avalon cannot {command}.");
        }
    }

    // workmode,set first; a firmware that does not know the option (the original Nano 3) gets worklevel,set, and the
    // driver remembers that for this miner.
    private async Task<string> SetModeAsync(string tier, CancellationToken cancellationToken)
    {
        if (!_workModeUnknown)
        {
            var model = await ModelAsync(cancellationToken);
            var mode = model.Find(tier) ?? throw new MinerUnsupportedException($"{model.Name} has no mode '{tier}'.");
            var parameter = AvalonCommands.WorkMode(mode.Code);
            var reply = await PrivilegedAsync(parameter, cancellationToken);
            if (AvalonCommands.IsSuccess(reply.Message))
            {
                return "ascset " + parameter;
            }

            if (!AvalonCommands.IsUnknownOption(reply.Message))
            {
                throw new MinerProtocolException($"ascset {parameter} was not taken: {reply.Message}");
            }

            Logger.LogInformation("{Endpoint}: the firmware has no work modes ({Message}); using work levels", Endpoint, reply.Message);
            _workModeUnknown = true;
        }

        var level = AvalonModel.Nano3.Find(tier) ?? throw new MinerUnsupportedException($"An Avalon without work modes has no level '{tier}'.");
        var fallback = await AscSetAsync(AvalonCommands.WorkLevel(level.Code), cancellationToken);
        return fallback.Detail;
    }

    // The model names the modes; it is asked once (version), before the first reading or capabilities.
    private async Task<AvalonModel> ModelAsync(CancellationToken cancellationToken)
    {
        if (_model is null)
        {
            var version = AvalonVersion.Parse((await CommandAsync("version", null, cancellationToken)).Root);
            _model = AvalonModel.For(version.Product, version.Model);
        }

        return _model;
    }

    // The miner's clock now, extrapolated from the last reply's When; our clock if it never told.
    private long MinerNow() =>
        _minerClock is var (seconds, at)
            ? seconds + (long)Math.Floor((Time.GetUtcNow() - at).TotalSeconds)
            : Time.GetUtcNow().ToUnixTimeSeconds();

    private async Task<SentCommand> AscSetAsync(string parameter, CancellationToken cancellationToken)
    {
        var reply = await PrivilegedAsync(parameter, cancellationToken);
        if (!AvalonCommands.IsSuccess(reply.Message))
        {
            throw new MinerProtocolException($"ascset {parameter} was not taken: {reply.Message}");
        }

        return new SentCommand($"ascset {parameter}");
    }

    // An ascset whose error reply is returned, not thrown: "Unknown option" is an answer, not garbage to retry.
    private async Task<CgminerReply> PrivilegedAsync(string parameter, CancellationToken cancellationToken)
    {
        var reply = await _rpc.CommandAsync(AvalonCommands.AscSet, parameter, cancellationToken);
        if (reply.Code == 45)
        {
            throw new MinerAuthenticationException($"The miner refused 'ascset' ({reply.Message}); its api-allow must grant W: to this host.");
        }

        return reply;
    }

    private async Task<CgminerReply> CommandAsync(string command, string? parameter, CancellationToken cancellationToken)
    {
        var reply = await _rpc.CommandAsync(command, parameter, cancellationToken);
        if (reply.Code == 45)
        {
            // The API's allow list refuses privileged commands from this host: retrying cannot help.
            throw new MinerAuthenticationException($"The miner refused '{command}' ({reply.Message}); its api-allow must grant W: to this host.");
        }

        return reply.EnsureSuccess();
    }
}
