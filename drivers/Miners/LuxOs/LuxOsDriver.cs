using ProofOfHeat.Drivers.Miners.Rpc;

namespace ProofOfHeat.Drivers.Miners.LuxOs;

/// <summary>
/// LuxOS over the cgminer-style RPC on port 4028 (LuxOS's API docs). Reads
/// <c>config</c>, <c>summary</c>, <c>devs</c>, <c>stats</c> and <c>power</c>; the tiers are the
/// machine's <c>profiles</c>. Sleep and wake are <c>curtail sleep</c>/<c>wakeup</c>; a tier is
/// <c>profileset</c> with Advanced Thermal Management switched off around it. Writes hold the
/// session lock only while they run.
/// </summary>
public sealed class LuxOsDriver : MinerDriverBase
{
    private readonly LuxOsSessionClient _client;
    private IReadOnlyList<LuxOsProfile> _profiles = [];

    /// <summary>Creates the driver; does no I/O.</summary>
    public LuxOsDriver(MinerEndpoint endpoint, MinerDriverContext context)
        : base(MinerFamilies.LuxOs, endpoint, context)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _client = new LuxOsSessionClient(new CgminerRpcClient(endpoint.Host, endpoint.RpcPort, Timeouts, Time), endpoint.Host);
    }

    /// <inheritdoc />
    protected override async Task<MinerCapabilities> ReadCapabilitiesCoreAsync(CancellationToken cancellationToken)
    {
        var config = LuxOsReplyParser.ParseConfig(await _client.ReadAsync("config", cancellationToken));
        var profiles = LuxOsReplyParser.ParseProfiles(await _client.ReadAsync("profiles", cancellationToken));
        // The model is VERSION[0].Type (e.g. "Antminer S19j Pro"; the LuxOS API docs' version command); config carries none.
        var model = LuxOsReplyParser.ParseVersionModel(await _client.ReadAsync("version", cancellationToken));
        _profiles = profiles;
        return new MinerCapabilities
        {
            Model = model ?? config.Model ?? "LuxOS miner",
            CanSleep = true,
            PowerControl = profiles.Count > 0 ? MinerPowerControl.Tiers : MinerPowerControl.None,
            MinimumPowerWatts = profiles.Count > 0 ? profiles[0].Watts : null,
            MaximumPowerWatts = profiles.Count > 0 ? profiles[^1].Watts : null,
            Tiers = [.. profiles.Select(p => new MinerPowerTier(p.Name, p.Watts))],
            PowerChangeRestarts = false,
            // profileset ramps frequency and voltage in small steps: seconds to about a minute.
            TypicalSettleTime = TimeSpan.FromMinutes(1),
            ReportsPower = true,
            // curtail sleep switches the PSU output off; only the control board stays up.
            SleepPowerWatts = 5,
        };
    }

    /// <inheritdoc />
    protected override async Task<MinerReading> ReadCoreAsync(CancellationToken cancellationToken)
    {
        var config = LuxOsReplyParser.ParseConfig(await _client.ReadAsync("config", cancellationToken));
        var (hashrate, uptime) = LuxOsReplyParser.ParseSummary(await _client.ReadAsync("summary", cancellationToken));
        var (boards, errors) = LuxOsReplyParser.ParseDevs(await _client.ReadAsync("devs", cancellationToken));
        var (chips, fans) = LuxOsReplyParser.ParseStats(await _client.ReadAsync("stats", cancellationToken));
        var power = LuxOsReplyParser.ParsePower(await _client.ReadAsync("power", cancellationToken));
        var terahash = hashrate / 1000;
        var profile = _profiles.FirstOrDefault(p => string.Equals(p.Name, config.Profile, StringComparison.OrdinalIgnoreCase));
        return new MinerReading
        {
            At = Time.GetUtcNow(),
            Status = config.IsCurtailed ? MinerStatus.Sleeping
                : terahash is > 0 ? MinerStatus.Mining
                : errors.Count > 0 ? MinerStatus.Faulted
                : MinerStatus.Starting,
            HashrateTerahash = terahash,
            PowerWatts = power,
            PowerSource = power is null ? PowerReadingSource.None : PowerReadingSource.Measured,
            PowerLimitWatts = profile?.Watts,
            Mode = config.Profile,
            BoardTemperatures = boards,
            ChipTemperatures = chips,
            FanRpm = fans,
            Uptime = uptime,
            Errors = errors,
        };
    }

    /// <inheritdoc />
    protected override Task<SentCommand> SendCoreAsync(
        MinerCommand command, MinerCapabilities capabilities, MinerReading before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(capabilities);
        ArgumentNullException.ThrowIfNull(before);
        return _client.WithSessionAsync(
            (session, ct) => command.Kind switch
            {
                MinerCommandKind.Sleep => CurtailAsync(session, "sleep", ct),
                MinerCommandKind.Wake => CurtailAsync(session, "wakeup", ct),
                MinerCommandKind.SetTier => SetProfileAsync(session, capabilities.Tiers.First(
                    t => string.Equals(t.Name, command.Tier, StringComparison.OrdinalIgnoreCase)).Name, before, ct),
                _ => throw new MinerUnsupportedException($"LuxOS takes profiles, not '{command}'."),
            },
            cancellationToken);
    }

    private async Task<SentCommand> CurtailAsync(string session, string action, CancellationToken cancellationToken)
    {
        await _client.WriteAsync(session, "curtail", action, LuxOsStatusCodes.CurtailSent, cancellationToken);
        return new SentCommand("curtail " + action);
    }

    private async Task<SentCommand> SetProfileAsync(string session, string profile, MinerReading before, CancellationToken cancellationToken)
    {
        var sent = new List<string>();
        if (!string.Equals(before.Mode, profile, StringComparison.OrdinalIgnoreCase))
        {
            // ATM would move the profile under us while it is set, so it is off around the change (as pyasic does).
            var atm = LuxOsReplyParser.ParseAtmEnabled(await _client.ReadAsync("atm", cancellationToken));
            if (atm)
            {
                await _client.WriteAsync(session, "atmset", "enabled=false", null, cancellationToken);
                sent.Add("atmset enabled=false");
            }

            try
            {
                await _client.WriteAsync(session, "profileset", profile, LuxOsStatusCodes.ProfileSet, cancellationToken);
                sent.Add("profileset " + profile);
            }
            finally
            {
                // Back on even when profileset failed: the user chose ATM, this driver only steps around it.
                if (atm)
                {
                    await _client.WriteAsync(session, "atmset", "enabled=true", null, cancellationToken);
                    sent.Add("atmset enabled=true");
                }
            }
        }

        if (before.Status == MinerStatus.Sleeping)
        {
            await _client.WriteAsync(session, "curtail", "wakeup", LuxOsStatusCodes.CurtailSent, cancellationToken);
            sent.Add("curtail wakeup");
        }

        return new SentCommand(string.Join("; ", sent));
    }
}
