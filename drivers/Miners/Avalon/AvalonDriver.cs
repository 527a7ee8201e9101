using ProofOfHeat.Drivers.Miners.Rpc;

namespace ProofOfHeat.Drivers.Miners.Avalon;

/// <summary>
/// Canaan Avalon home miners (Nano 3 / 3S, Mini 3) over the cgminer RPC (as pyasic's
/// Avalon backend speaks it): telemetry, measured wall power and the work level from the <c>stats</c> status string;
/// power in three work levels (<c>ascset 0,worklevel,set,L</c>); sleep and wake with
/// <c>ascset 0,softoff|softon,1:&lt;time&gt;</c>, where the time is on the miner's own clock
/// (home miners without NTP count from boot), taken from the replies' <c>When</c>.
/// </summary>
public sealed class AvalonDriver : MinerDriverBase
{
    // pyasic schedules soft off/on five seconds ahead, which the firmware is known to accept.
    private const int SoftSwitchLeadSeconds = 5;

    private readonly CgminerRpcClient _rpc;
    private (long MinerSeconds, DateTimeOffset At)? _minerClock;

    /// <summary>Creates the driver; does no I/O.</summary>
    public AvalonDriver(MinerEndpoint endpoint, MinerDriverContext context)
        : base(MinerFamilies.Avalon, endpoint, context)
    {
        _rpc = new CgminerRpcClient(endpoint.Host, endpoint.RpcPort, Timeouts, Time);
    }

    /// <inheritdoc />
    protected override async Task<MinerCapabilities> ReadCapabilitiesCoreAsync(CancellationToken cancellationToken)
    {
        var version = AvalonVersion.Parse((await CommandAsync("version", null, cancellationToken)).Root);
        var model = AvalonModel.For(version.Product, version.Model);
        return new MinerCapabilities
        {
            Model = model.Name,
            CanSleep = true,
            PowerControl = MinerPowerControl.Tiers,
            Tiers = [.. model.LevelWatts.Select((watts, level) => new MinerPowerTier(AvalonLevelNames.Of(level), watts))],
            MaximumPowerWatts = model.LevelWatts[^1],
            PowerChangeRestarts = false,
            TypicalSettleTime = TimeSpan.FromSeconds(30),
            ReportsPower = true,
            SleepPowerWatts = 8,
        };
    }

    /// <inheritdoc />
    protected override async Task<MinerReading> ReadCoreAsync(CancellationToken cancellationToken)
    {
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
        var (power, source) = stats.WallPowerWatts is { } wall
            ? (wall, PowerReadingSource.Measured)
            : status == MinerStatus.Mining && stats.PowerLimitWatts is { } limit
                ? (limit, PowerReadingSource.Estimated)
                : ((double?)null, PowerReadingSource.None);
        return new MinerReading
        {
            At = now,
            Status = status,
            HashrateTerahash = gigahash / 1000,
            PowerWatts = power,
            PowerSource = source,
            PowerLimitWatts = stats.PowerLimitWatts,
            Mode = stats.WorkLevel is { } level ? AvalonLevelNames.Of(level) : null,
            BoardTemperatures = stats.BoardTemperatures,
            ChipTemperatures = stats.ChipTemperatures,
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
        // A level is in effect once the firmware reports it; the power follows within seconds.
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
                var level = AvalonLevelNames.Parse(command.Tier!) ?? throw new MinerUnsupportedException($"No work level '{command.Tier}'.");
                var sent = new List<string>();
                if (before.Mode != AvalonLevelNames.Of(level))
                {
                    sent.Add((await AscSetAsync(AvalonCommands.WorkLevel(level), cancellationToken)).Detail);
                }

                // A level asked of a sleeping miner means "run at this level": it is woken too.
                if (before.Status == MinerStatus.Sleeping)
                {
                    sent.Add((await AscSetAsync(AvalonCommands.SoftOn(MinerNow() + SoftSwitchLeadSeconds), cancellationToken)).Detail);
                }

                return new SentCommand(sent.Count > 0 ? string.Join("; ", sent) : "nothing to change");
            default:
                throw new MinerUnsupportedException($"An Avalon cannot {command}.");
        }
    }

    // The miner's clock now, extrapolated from the last reply's When; our clock if it never told.
    private long MinerNow() =>
        _minerClock is var (seconds, at)
            ? seconds + (long)Math.Floor((Time.GetUtcNow() - at).TotalSeconds)
            : Time.GetUtcNow().ToUnixTimeSeconds();

    private async Task<SentCommand> AscSetAsync(string parameter, CancellationToken cancellationToken)
    {
        var reply = await CommandAsync(AvalonCommands.AscSet, parameter, cancellationToken);
        if (!AvalonCommands.IsSuccess(reply.Message))
        {
            throw new MinerProtocolException($"ascset {parameter} was not taken: {reply.Message}");
        }

        return new SentCommand($"ascset {parameter}");
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
