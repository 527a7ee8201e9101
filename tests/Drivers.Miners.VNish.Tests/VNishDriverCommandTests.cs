namespace ProofOfHeat.Drivers.Miners.VNish.Tests;

/// <summary>Pause, resume and presets against the simulator: idempotence, restarts and read-back.</summary>
public sealed class VNishDriverCommandTests
{
    private const string Pause = "/api/v1/mining/pause";
    private const string Resume = "/api/v1/mining/resume";
    private const string Settings = "/api/v1/settings";
    private const string Restart = "/api/v1/mining/restart";

    [Fact]
    public async Task Sleep_pauses_and_a_second_sleep_sends_nothing()
    {
        await using var rig = await VNishRig.StartAsync();

        var first = await rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);
        var second = await rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, first.Outcome);
        Assert.Equal(MinerStatus.Sleeping, first.Reading.Status);
        Assert.Equal(MinerCommandOutcome.AlreadyInEffect, second.Outcome);
        Assert.Equal(1, rig.Miner.CountOf("POST", Pause));
        Assert.True(rig.Miner.IsPaused);
    }

    [Fact]
    public async Task Wake_resumes_and_the_miner_warms_up()
    {
        await using var rig = await VNishRig.StartAsync();
        await rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        var result = await rig.Driver.ApplyAsync(MinerCommand.Wake, CancellationToken.None);
        var again = await rig.Driver.ApplyAsync(MinerCommand.Wake, CancellationToken.None);
        rig.Clock.Advance(rig.Miner.Hardware.Spec.WarmUpDuration);
        var later = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal(MinerStatus.Starting, result.Reading.Status);
        Assert.Equal(MinerCommandOutcome.AlreadyInEffect, again.Outcome);
        Assert.Equal(1, rig.Miner.CountOf("POST", Resume));
        Assert.Equal(MinerStatus.Mining, later.Status);
    }

    [Fact]
    public async Task Wake_starts_a_fully_stopped_miner_rather_than_resuming_it()
    {
        await using var rig = await VNishRig.StartAsync();
        rig.Miner.StopMining();

        var result = await rig.Driver.ApplyAsync(MinerCommand.Wake, CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal("POST mining/start", result.Detail);
        Assert.False(rig.Miner.IsStopped);
        Assert.Equal(0, rig.Miner.CountOf("POST", Resume));
    }

    [Fact]
    public async Task A_preset_change_saves_the_setting_restarts_mining_and_settles_on_the_preset()
    {
        await using var rig = await VNishRig.StartAsync();

        var result = await rig.Driver.ApplyAsync(MinerCommand.SetTier("1900"), CancellationToken.None);
        rig.Clock.Advance(TimeSpan.FromMinutes(5));
        var later = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal(MinerStatus.Starting, result.Reading.Status);
        Assert.Equal("POST settings preset 1900; POST mining/restart", result.Detail);
        Assert.Equal(1, rig.Miner.Hardware.RestartCount);
        Assert.Equal(MinerStatus.Mining, later.Status);
        Assert.Equal("1900", later.Mode);
        Assert.Equal(1900, later.PowerWatts!.Value, 0);
    }

    [Fact]
    public async Task Set_power_takes_the_highest_tuned_preset_not_above_it()
    {
        await using var rig = await VNishRig.StartAsync();

        await rig.Driver.ApplyAsync(MinerCommand.SetPower(2700), CancellationToken.None);

        Assert.Equal("2350", rig.Miner.SavedPreset);
    }

    [Fact]
    public async Task Set_power_below_every_tuned_preset_takes_the_lowest_tuned_one_never_an_untuned_one()
    {
        await using var rig = await VNishRig.StartAsync();

        await rig.Driver.ApplyAsync(MinerCommand.SetPower(1150), CancellationToken.None);

        Assert.Equal("1500", rig.Miner.SavedPreset);
    }

    [Fact]
    public async Task An_untuned_preset_is_refused_and_nothing_is_sent()
    {
        await using var rig = await VNishRig.StartAsync();

        await Assert.ThrowsAsync<MinerUnsupportedException>(() => rig.Driver.ApplyAsync(MinerCommand.SetTier("3600"), CancellationToken.None));
        Assert.Equal(0, rig.Miner.CountOf("POST", Settings));
    }

    [Fact]
    public async Task The_preset_in_effect_sends_nothing()
    {
        await using var rig = await VNishRig.StartAsync();

        var result = await rig.Driver.ApplyAsync(MinerCommand.SetPower(3300), CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.AlreadyInEffect, result.Outcome);
        Assert.Equal(0, rig.Miner.CountOf("POST", Settings));
    }

    [Fact]
    public async Task A_preset_that_needs_no_restart_applies_at_once_and_wakes_a_paused_miner()
    {
        await using var rig = await VNishRig.StartAsync(new VNishSimulatorOptionsBuilder().NoRestartForPresets().Build());
        await rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        var result = await rig.Driver.ApplyAsync(MinerCommand.SetTier("2800"), CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal("POST settings preset 2800; POST mining/resume", result.Detail);
        Assert.Equal("2800", result.Reading.Mode);
        Assert.Equal(0, rig.Miner.CountOf("POST", Restart));
        Assert.False(rig.Miner.IsPaused);
    }

    [Fact]
    public async Task A_preset_the_miner_acknowledges_but_does_not_save_is_not_applied()
    {
        await using var rig = await VNishRig.StartAsync();
        rig.Miner.IgnorePresetChanges = true;

        var result = await rig.Driver.ApplyAsync(MinerCommand.SetTier("1900"), CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.NotApplied, result.Outcome);
        Assert.Equal("3250", result.Reading.Mode);
    }

    [Fact]
    public async Task A_pause_the_miner_refuses_during_a_restart_is_a_protocol_error_with_its_text()
    {
        await using var rig = await VNishRig.StartAsync();
        await rig.Driver.ApplyAsync(MinerCommand.SetTier("1900"), CancellationToken.None);

        var error = await Assert.ThrowsAsync<MinerProtocolException>(() => rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None));

        Assert.Contains("failed-to-activate-pause-mode", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, rig.Miner.CountOf("POST", Pause));
    }

    [Fact]
    public async Task A_command_with_a_wrong_password_is_refused_before_anything_is_sent()
    {
        await using var rig = await VNishRig.StartAsync(password: "hunter2");

        await Assert.ThrowsAsync<MinerAuthenticationException>(() => rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None));
        Assert.Equal(0, rig.Miner.CountOf("POST", Pause));
        Assert.False(rig.Miner.IsPaused);
    }
}
