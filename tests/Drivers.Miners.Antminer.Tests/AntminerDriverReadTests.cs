namespace ProofOfHeat.Drivers.Miners.Antminer.Tests;

/// <summary>Reading a simulated stock Antminer: telemetry from the RPC, the mode from the web, power estimated.</summary>
public sealed class AntminerDriverReadTests
{
    [Fact]
    public async Task A_mining_S19_Pro_reads_hashrate_estimated_power_temperatures_fans_and_mode()
    {
        await using var rig = await AntminerRig.StartAsync();

        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Mining, reading.Status);
        Assert.Equal(3250 / 29.5, reading.HashrateTerahash!.Value, 1);
        Assert.Equal(PowerReadingSource.Estimated, reading.PowerSource);
        Assert.Equal(3250, reading.PowerWatts!.Value, 0);
        Assert.Equal(AntminerModeNames.Normal, reading.Mode);
        Assert.Equal(3, reading.BoardTemperatures.Count);
        Assert.Equal(3, reading.ChipTemperatures.Count);
        Assert.True(reading.ChipTemperatures[0] > reading.BoardTemperatures[0]);
        Assert.Equal(4, reading.FanRpm.Count);
        Assert.NotNull(reading.Uptime);
        Assert.Empty(reading.Errors);
        Assert.Contains("summary", rig.Miner.Received);
        Assert.Contains("stats", rig.Miner.Received);
    }

    [Fact]
    public async Task Bmminer_stats_without_commas_between_objects_are_repaired()
    {
        await using var rig = await AntminerRig.StartAsync(new() { MalformedJson = true });

        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Mining, reading.Status);
        Assert.Equal(3, reading.ChipTemperatures.Count);
        Assert.Equal(4, reading.FanRpm.Count);
    }

    [Fact]
    public async Task Capabilities_offer_sleep_and_the_modes_as_tiers_without_measured_power()
    {
        await using var rig = await AntminerRig.StartAsync();

        var capabilities = await rig.Driver.GetCapabilitiesAsync(CancellationToken.None);

        Assert.Equal("Antminer S19 Pro", capabilities.Model);
        Assert.True(capabilities.CanSleep);
        Assert.Equal(MinerPowerControl.Tiers, capabilities.PowerControl);
        Assert.Equal([AntminerModeNames.LowPower, AntminerModeNames.Normal], capabilities.Tiers.Select(t => t.Name));
        Assert.Equal(3250, capabilities.Tiers[^1].Watts);
        Assert.False(capabilities.ReportsPower);
        Assert.True(capabilities.PowerChangeRestarts);
        Assert.Equal(1, rig.Miner.CountOf("version"));
    }

    [Fact]
    public async Task While_bmminer_restarts_the_model_comes_from_the_web()
    {
        await using var rig = await AntminerRig.StartAsync();
        rig.Miner.Hardware.Restart();

        var capabilities = await rig.Driver.GetCapabilitiesAsync(CancellationToken.None);
        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal("Antminer S19 Pro", capabilities.Model);
        Assert.Equal(1, rig.Miner.CountOf("GET /cgi-bin/get_system_info.cgi 200"));
        Assert.Equal(MinerStatus.Starting, reading.Status);
        Assert.Equal(AntminerModeNames.Normal, reading.Mode);
    }

    [Fact]
    public async Task A_sleeping_miner_reads_as_sleeping_with_idle_power()
    {
        await using var rig = await AntminerRig.StartAsync(new() { InitialWorkMode = 1 });
        rig.Clock.Advance(TimeSpan.FromMinutes(2));

        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Sleeping, reading.Status);
        Assert.Equal(AntminerModeNames.Sleep, reading.Mode);
        Assert.Equal(0, reading.HashrateTerahash);
        Assert.True(reading.PowerWatts < 50);
    }

    [Fact]
    public async Task Low_power_mode_estimates_the_mode_power()
    {
        await using var rig = await AntminerRig.StartAsync(new() { InitialWorkMode = 3 });
        rig.Clock.Advance(TimeSpan.FromMinutes(2));

        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(AntminerModeNames.LowPower, reading.Mode);
        Assert.Equal(MinerStatus.Mining, reading.Status);
        Assert.InRange(reading.PowerWatts!.Value, 2300, 2700);
    }

    [Fact]
    public async Task Overheating_shows_the_web_summary_alarm_as_an_error()
    {
        await using var rig = await AntminerRig.StartAsync();
        rig.Miner.Hardware.IntakeTemperature = 60;
        rig.Clock.Advance(TimeSpan.FromMinutes(30));

        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Contains("temp: Temperature too high", reading.Errors);
        Assert.True(reading.MaximumTemperature > 90);
    }

    [Fact]
    public async Task The_digest_challenge_is_answered_once_then_requests_carry_credentials_at_once()
    {
        await using var rig = await AntminerRig.StartAsync();

        await rig.Driver.ReadAsync(CancellationToken.None);
        await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(1, rig.Miner.CountOf("GET /cgi-bin/get_miner_conf.cgi 401"));
        Assert.Equal(2, rig.Miner.CountOf("GET /cgi-bin/get_miner_conf.cgi 200"));
        Assert.Equal(2, rig.Miner.CountOf("GET /cgi-bin/summary.cgi 200"));
        Assert.Equal(0, rig.Miner.CountOf("GET /cgi-bin/summary.cgi 401"));
    }

    [Fact]
    public async Task An_expired_nonce_is_renewed_without_failing_the_read()
    {
        await using var rig = await AntminerRig.StartAsync();
        await rig.Driver.ReadAsync(CancellationToken.None);
        rig.Clock.Advance(rig.Miner.Options.NonceLifetime + TimeSpan.FromSeconds(1));

        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(AntminerModeNames.Normal, reading.Mode);
        Assert.Equal(2, rig.Miner.CountOf("GET /cgi-bin/get_miner_conf.cgi 401"));
    }
}
