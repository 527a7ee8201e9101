namespace ProofOfHeat.Drivers.Miners.VNish;

/// <summary>
/// VNish (AnthillOS) over its REST API (VNish's OpenAPI document, as published in asic-rs). Reads <c>summary</c>,
/// <c>info</c> and <c>perf-summary</c> (none needs the token); the tiers are the <b>tuned</b>
/// presets only, because an untuned one starts an autotune of an hour or more. Sleep and wake
/// are <c>mining/pause</c> and <c>mining/resume</c>; a tier is a partial <c>POST /settings</c>,
/// followed by the mining restart the miner asks for, and is verified by reading back.
/// </summary>
public sealed class VNishDriver : MinerDriverBase
{
    private readonly VNishRestClient _client;
    private IReadOnlyList<VNishPreset> _presets = [];
    private string? _lastMinerState;

    /// <summary>Creates the driver; does no I/O.</summary>
    public VNishDriver(MinerEndpoint endpoint, MinerDriverContext context)
        : base(MinerFamilies.VNish, endpoint, context)
    {
        _client = new VNishRestClient(endpoint, context);
    }

    /// <inheritdoc />
    protected override async Task<MinerCapabilities> ReadCapabilitiesCoreAsync(CancellationToken cancellationToken)
    {
        var (model, _) = VNishReplyParser.ParseInfo(await _client.GetOpenAsync(VNishPaths.Info, cancellationToken));
        var presets = VNishReplyParser.ParsePresets(await _client.GetAsync(VNishPaths.Presets, cancellationToken));
        _presets = presets;
        var tiers = presets.Where(p => p.IsTuned && p.Watts is > 0).Select(p => new MinerPowerTier(p.Name, p.Watts!.Value))
            .OrderBy(t => t.Watts).ToList();
        return new MinerCapabilities
        {
            Model = model ?? "VNish miner",
            CanSleep = true,
            PowerControl = tiers.Count > 0 ? MinerPowerControl.Tiers : MinerPowerControl.None,
            MinimumPowerWatts = tiers.Count > 0 ? tiers[0].Watts : null,
            MaximumPowerWatts = tiers.Count > 0 ? tiers[^1].Watts : null,
            Tiers = tiers,
            // A preset change may ask for a mining restart of a minute or more.
            PowerChangeRestarts = true,
            TypicalSettleTime = TimeSpan.FromMinutes(2),
            ReportsPower = true,
            SleepPowerWatts = 15,
        };
    }

    /// <inheritdoc />
    protected override async Task<MinerReading> ReadCoreAsync(CancellationToken cancellationToken)
    {
        var summary = VNishReplyParser.ParseSummary(await _client.GetOpenAsync(VNishPaths.Summary, cancellationToken));
        var (_, uptime) = VNishReplyParser.ParseInfo(await _client.GetOpenAsync(VNishPaths.Info, cancellationToken));
        var preset = VNishReplyParser.ParseCurrentPreset(await _client.GetOpenAsync(VNishPaths.PerfSummary, cancellationToken));
        _lastMinerState = summary.MinerState;
        var terahash = summary.HashrateGigahash / 1000;
        return new MinerReading
        {
            At = Time.GetUtcNow(),
            Status = StatusOf(summary.MinerState, terahash, summary.Errors),
            HashrateTerahash = terahash,
            PowerWatts = summary.PowerWatts,
            PowerSource = summary.PowerWatts is null ? PowerReadingSource.None : PowerReadingSource.Measured,
            PowerLimitWatts = preset is null ? null : _presets.FirstOrDefault(p => p.Name == preset)?.Watts ?? VNishReplyParser.WattsOf(preset, null),
            Mode = preset,
            BoardTemperatures = summary.BoardTemperatures,
            ChipTemperatures = summary.ChipTemperatures,
            FanRpm = summary.FanRpm,
            Uptime = uptime,
            Errors = summary.Errors,
        };
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
                await _client.PostAsync(VNishPaths.Pause, null, cancellationToken);
                return new SentCommand("POST mining/pause");
            case MinerCommandKind.Wake:
                return new SentCommand(await WakeAsync(cancellationToken));
            case MinerCommandKind.SetTier:
                return await SetPresetAsync(command.Tier!, before, cancellationToken);
            default:
                throw new MinerUnsupportedException("VNish takes tuned presets, not watt targets.");
        }
    }

    /// <inheritdoc />
    protected override async ValueTask DisposeCoreAsync()
    {
        _client.Dispose();
        await base.DisposeCoreAsync();
    }

    private async Task<SentCommand> SetPresetAsync(string tier, MinerReading before, CancellationToken cancellationToken)
    {
        var sent = new List<string>();
        var restarts = false;
        if (!string.Equals(before.Mode, tier, StringComparison.OrdinalIgnoreCase))
        {
            var name = _presets.First(p => string.Equals(p.Name, tier, StringComparison.OrdinalIgnoreCase)).Name;
            var result = VNishReplyParser.ParseSettingsResult(
                await _client.PostAsync(VNishPaths.Settings, VNishReplyParser.PresetBody(name), cancellationToken));
            sent.Add("POST settings preset " + name);
            if (result.RebootRequired)
            {
                await _client.PostAsync(VNishPaths.Reboot, null, cancellationToken);
                sent.Add("POST system/reboot");
                restarts = true;
            }
            else if (result.RestartRequired)
            {
                await _client.PostAsync(VNishPaths.Restart, null, cancellationToken);
                sent.Add("POST mining/restart");
                restarts = true;
            }
        }

        if (before.Status == MinerStatus.Sleeping && !restarts)
        {
            sent.Add(await WakeAsync(cancellationToken));
        }

        return new SentCommand(string.Join("; ", sent), restarts);
    }

    // A paused miner resumes; a fully stopped one must be started.
    private async Task<string> WakeAsync(CancellationToken cancellationToken)
    {
        var path = _lastMinerState is "stopped" ? VNishPaths.Start : VNishPaths.Resume;
        await _client.PostAsync(path, null, cancellationToken);
        return "POST " + path;
    }

    private static MinerStatus StatusOf(string? state, double? terahash, IReadOnlyList<string> errors) => state switch
    {
        "mining" when terahash is > 0 => MinerStatus.Mining,
        "mining" => errors.Count > 0 ? MinerStatus.Faulted : MinerStatus.Starting,
        "initializing" or "starting" or "auto-tuning" or "restarting" => MinerStatus.Starting,
        "paused" or "stopped" or "shutting-down" => MinerStatus.Sleeping,
        "failure" => MinerStatus.Faulted,
        _ => terahash is > 0 ? MinerStatus.Mining : MinerStatus.Faulted,
    };
}
