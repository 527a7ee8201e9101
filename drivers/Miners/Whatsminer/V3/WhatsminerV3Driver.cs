using System.Text.Json.Nodes;

namespace ProofOfHeat.Drivers.Miners.Whatsminer.V3;

/// <summary>
/// A Whatsminer on API v3 (TCP 4433, firmware from 2024-12; MicroBT's WhatsMiner API V3, as pyasic and asic-rs speak it). Reads are
/// <c>get.miner.status summary</c> and <c>get.device.info</c>; sleep and wake are
/// <c>set.miner.service stop/start</c>; a power target is <c>set.miner.power_limit</c>. Writes are
/// signed with the account's password and the device's salt.
/// </summary>
public sealed class WhatsminerV3Driver : MinerDriverBase
{
    private readonly WhatsminerV3Client _client;
    private readonly string _account;
    private readonly string _password;

    /// <summary>Creates the driver; does no I/O.</summary>
    public WhatsminerV3Driver(MinerEndpoint endpoint, MinerDriverContext context)
        : base(MinerFamilies.WhatsminerV3, endpoint, context)
    {
        _client = new WhatsminerV3Client(endpoint.Host, endpoint.WhatsminerV3Port, context.Timeouts, context.Time);
        _account = endpoint.Username ?? WhatsminerV3Signer.DefaultAccount;
        _password = endpoint.Password ?? WhatsminerV3Signer.DefaultPassword;
    }

    /// <inheritdoc />
    protected override async Task<MinerCapabilities> ReadCapabilitiesCoreAsync(CancellationToken cancellationToken)
    {
        var info = await ReadAsync("get.device.info", null, WhatsminerV3DeviceInfo.Parse, cancellationToken);
        var summary = await ReadAsync("get.miner.status", "summary", WhatsminerV3Summary.Parse, cancellationToken);
        var model = WhatsminerModels.Normalise(info.Model);
        var nominal = WhatsminerModels.NominalPower(model, summary.PowerLimitWatts ?? 3600);
        return new MinerCapabilities
        {
            Model = "Whatsminer " + model,
            CanSleep = true,
            PowerControl = MinerPowerControl.Continuous,
            MinimumPowerWatts = nominal / 2,
            MaximumPowerWatts = nominal,
            PowerStepWatts = 10,

            // Not confirmed on hardware; users' reports on hass-miner and pyasic suggest a restart as with v2's adjust_power_limit.
            PowerChangeRestarts = true,
            TypicalSettleTime = TimeSpan.FromMinutes(5),
            ReportsPower = true,
        };
    }

    /// <inheritdoc />
    protected override async Task<MinerReading> ReadCoreAsync(CancellationToken cancellationToken)
    {
        var summary = await ReadAsync("get.miner.status", "summary", WhatsminerV3Summary.Parse, cancellationToken);
        var info = await ReadAsync("get.device.info", null, WhatsminerV3DeviceInfo.Parse, cancellationToken);
        var status = info.Working == false ? MinerStatus.Sleeping
            : summary.HashrateTerahash > 0 ? MinerStatus.Mining
            : MinerStatus.Starting;
        return new MinerReading
        {
            At = Time.GetUtcNow(),
            Status = status,
            HashrateTerahash = summary.HashrateTerahash,
            PowerWatts = summary.PowerWatts,
            PowerSource = summary.PowerWatts is null ? PowerReadingSource.None : PowerReadingSource.Measured,
            PowerLimitWatts = summary.PowerLimitWatts,
            BoardTemperatures = summary.BoardTemperatures,
            ChipTemperatures = summary.ChipTemperatures,
            FanRpm = summary.FanRpm,
            Uptime = summary.ElapsedSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
            Errors = info.ErrorCodes,
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
                await WriteAsync("set.miner.service", JsonValue.Create("stop"), cancellationToken);
                return new SentCommand("set.miner.service stop");
            case MinerCommandKind.Wake:
                await WriteAsync("set.miner.service", JsonValue.Create("start"), cancellationToken);
                return new SentCommand("set.miner.service start");
            case MinerCommandKind.SetPower:
                var steps = new List<string>();
                if (before.Status == MinerStatus.Sleeping)
                {
                    await WriteAsync("set.miner.service", JsonValue.Create("start"), cancellationToken);
                    steps.Add("set.miner.service start");
                }

                var restarts = before.PowerLimitWatts != command.Watts;
                if (restarts)
                {
                    await WriteAsync("set.miner.power_limit", JsonValue.Create(command.Watts!.Value), cancellationToken);
                    steps.Add($"set.miner.power_limit {command.Watts} W; the miner restarts");
                }

                return new SentCommand(string.Join("; ", steps), restarts);
            default:
                throw new MinerUnsupportedException($"Whatsminer v3 driver does not select power modes ({command}).");
        }
    }

    private async Task<T> ReadAsync<T>(string command, string? param, Func<WhatsminerV3Reply, T> decode, CancellationToken cancellationToken)
    {
        var reply = await _client.SendAsync(WhatsminerV3Requests.Read(command, param), cancellationToken);
        if (!reply.IsSuccess)
        {
            throw Refused(command, reply);
        }

        try
        {
            return decode(reply);
        }
        catch (FormatException e)
        {
            throw new MinerProtocolException($"'{command}' reply: {e.Message}", e);
        }
    }

    private async Task WriteAsync(string command, JsonNode? param, CancellationToken cancellationToken)
    {
        var salt = (await ReadAsync("get.device.info", "salt", WhatsminerV3DeviceInfo.Parse, cancellationToken)).Salt
            ?? throw new MinerProtocolException("get.device.info gave no salt to sign with.");
        var ts = Time.GetUtcNow().ToUnixTimeSeconds();
        var reply = await _client.SendAsync(WhatsminerV3Requests.Write(command, param, ts, _account, _password, salt), cancellationToken);
        if (!reply.IsSuccess)
        {
            throw Refused(command, reply);
        }
    }

    private static MinerException Refused(string command, WhatsminerV3Reply reply) =>
        reply.MessageText.Contains("token", StringComparison.OrdinalIgnoreCase)
        || reply.MessageText.Contains("password", StringComparison.OrdinalIgnoreCase)
        || reply.MessageText.Contains("account", StringComparison.OrdinalIgnoreCase)
            ? new MinerAuthenticationException($"'{command}' refused: {reply.MessageText} (wrong account or password?)")
            : new MinerProtocolException($"'{command}' refused: code {reply.Code} {reply.MessageText}");
}
