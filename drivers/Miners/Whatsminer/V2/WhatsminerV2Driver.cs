using System.Globalization;
using ProofOfHeat.Drivers.Miners.Rpc;

namespace ProofOfHeat.Drivers.Miners.Whatsminer.V2;

/// <summary>
/// A Whatsminer on API v2 (TCP 4028, firmware up to 2024-11; MicroBT's WhatsMiner API V2.0.5). Reads are plaintext
/// <c>summary</c>, <c>edevs</c>, <c>status</c> and (API 2.0.4+) <c>get_error_code</c>; sleep and wake are the encrypted
/// <c>power_off</c> / <c>power_on</c>; a power target is <c>adjust_power_limit</c> (the miner
/// restarts) or, with <see cref="WhatsminerV2PowerMethod.Percent"/>, <c>set_power_pct</c>.
/// </summary>
public sealed class WhatsminerV2Driver : MinerDriverBase
{
    private readonly WhatsminerV2Client _client;
    private readonly WhatsminerV2DriverOptions _options;
    private int _hashPercent;

    /// <summary>Creates the driver; does no I/O.</summary>
    public WhatsminerV2Driver(MinerEndpoint endpoint, MinerDriverContext context, WhatsminerV2DriverOptions? options = null)
        : base(MinerFamilies.WhatsminerV2, endpoint, context)
    {
        _options = options ?? new WhatsminerV2DriverOptions();
        var rpc = new CgminerRpcClient(endpoint.Host, endpoint.RpcPort, context.Timeouts, context.Time);
        _client = new WhatsminerV2Client(rpc, endpoint.Password ?? WhatsminerV2DriverOptions.DefaultPassword, context.Time);
    }

    /// <inheritdoc />
    /// <exception cref="MinerUnsupportedException">The firmware has API v3, whose v2 writes are broken (MicroBT's WhatsMiner API V3, as pyasic and asic-rs speak it).</exception>
    protected override async Task<MinerCapabilities> ReadCapabilitiesCoreAsync(CancellationToken cancellationToken)
    {
        var version = await _client.ReadAsync("get_version", WhatsminerV2Version.Parse, cancellationToken);
        if (WhatsminerFirmware.IsApiV3(version.FirmwareVersion) == true)
        {
            throw new MinerUnsupportedException(
                $"firmware {version.FirmwareVersion} has API v3 (TCP 4433); use the {MinerFamilies.WhatsminerV3} family to control it.");
        }

        var details = await _client.ReadAsync("devdetails", cancellationToken);
        var model = WhatsminerModels.Normalise(
            details.Sections("DEVDETAILS").Select(d => WhatsminerJson.Text(d, "Model")).FirstOrDefault(m => m is not null));
        var summary = await _client.ReadAsync("summary", WhatsminerV2Summary.Parse, cancellationToken);
        var nominal = WhatsminerModels.NominalPower(model, summary.PowerLimitWatts ?? 3600);
        var percent = _options.PowerMethod == WhatsminerV2PowerMethod.Percent;
        return new MinerCapabilities
        {
            Model = "Whatsminer " + model,
            CanSleep = true,
            PowerControl = MinerPowerControl.Continuous,
            MinimumPowerWatts = nominal / 2,
            MaximumPowerWatts = nominal,
            PowerStepWatts = 10,
            PowerChangeRestarts = !percent,
            TypicalSettleTime = percent ? TimeSpan.FromSeconds(30) : TimeSpan.FromMinutes(5),
            ReportsPower = true,
        };
    }

    /// <inheritdoc />
    protected override async Task<MinerReading> ReadCoreAsync(CancellationToken cancellationToken)
    {
        var summary = await _client.ReadAsync("summary", WhatsminerV2Summary.Parse, cancellationToken);
        var boards = await _client.ReadAsync("edevs", WhatsminerV2Board.Parse, cancellationToken);
        var state = await _client.ReadAsync("status", WhatsminerV2MinerState.Parse, cancellationToken);
        var errors = summary.ListsErrors ? summary.ErrorCodes : await ReadErrorCodesAsync(cancellationToken);
        _hashPercent = state.HashPercent ?? 0;
        var hashrate = summary.HashrateMhs / 1e6;
        var status = state.MinerOff ? MinerStatus.Sleeping : hashrate > 0 ? MinerStatus.Mining : MinerStatus.Starting;
        return new MinerReading
        {
            At = Time.GetUtcNow(),
            Status = status,
            HashrateTerahash = hashrate,
            PowerWatts = summary.PowerWatts,
            PowerSource = summary.PowerWatts is null ? PowerReadingSource.None : PowerReadingSource.Measured,
            PowerLimitWatts = summary.PowerLimitWatts ?? state.PowerLimitSet,
            Mode = summary.PowerMode ?? state.PowerMode,
            BoardTemperatures = [.. boards.Select(b => b.Temperature).OfType<double>()],
            ChipTemperatures = boards.Any(b => b.ChipTemperatureMax is not null)
                ? [.. boards.Select(b => b.ChipTemperatureMax).OfType<double>()]
                : summary.ChipTemperatures,
            FanRpm = summary.FanRpm,
            Uptime = summary.ElapsedSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
            Errors = errors,
        };
    }

    // Firmware before API 2.0.1 has no get_error_code; its refusal means "no list", not a failed reading.
    private async Task<IReadOnlyList<string>> ReadErrorCodesAsync(CancellationToken cancellationToken) =>
        await _client.ReadOrNullAsync("get_error_code", cancellationToken) is { } reply ? WhatsminerV2ErrorCodes.Parse(reply) : [];

    /// <inheritdoc />
    protected override bool IsInEffect(MinerCommand command, MinerReading reading, MinerCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(reading);
        if (command.Kind == MinerCommandKind.SetPower && _options.PowerMethod == WhatsminerV2PowerMethod.Percent)
        {
            return reading.Status is MinerStatus.Mining or MinerStatus.Starting
                && PercentFor(command.Watts!.Value, reading) == (_hashPercent is 0 ? 100 : _hashPercent);
        }

        return base.IsInEffect(command, reading, capabilities);
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
                await _client.WriteAsync("power_off", [new("respbefore", "true")], cancellationToken);
                return new SentCommand("power_off");
            case MinerCommandKind.Wake:
                await _client.WriteAsync("power_on", [], cancellationToken);
                return new SentCommand("power_on");
            case MinerCommandKind.SetPower:
                return await SetPowerAsync(command.Watts!.Value, before, cancellationToken);
            default:
                throw new MinerUnsupportedException($"Whatsminer v2 has no power modes to select ({command}).");
        }
    }

    private async Task<SentCommand> SetPowerAsync(int watts, MinerReading before, CancellationToken cancellationToken)
    {
        var steps = new List<string>();
        if (before.Status == MinerStatus.Sleeping)
        {
            await _client.WriteAsync("power_on", [], cancellationToken);
            steps.Add("power_on");
        }

        var restarts = false;
        if (_options.PowerMethod == WhatsminerV2PowerMethod.Percent)
        {
            var percent = PercentFor(watts, before).ToString(CultureInfo.InvariantCulture);
            await _client.WriteAsync("set_power_pct", [new("percent", percent)], cancellationToken);
            steps.Add($"set_power_pct {percent} %");
        }
        else if (before.PowerLimitWatts != watts)
        {
            var limit = watts.ToString(CultureInfo.InvariantCulture);
            await _client.WriteAsync("adjust_power_limit", [new("power_limit", limit)], cancellationToken);
            steps.Add($"adjust_power_limit {limit} W; the miner restarts");
            restarts = true;
        }

        return new SentCommand(string.Join("; ", steps), restarts);
    }

    // set_power_pct is relative to the power limit.
    private static int PercentFor(int watts, MinerReading reading) =>
        reading.PowerLimitWatts is > 0 and var limit ? Math.Clamp((int)Math.Round(watts * 100.0 / limit), 1, 100) : 100;
}
