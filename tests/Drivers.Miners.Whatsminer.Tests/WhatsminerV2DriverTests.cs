using ProofOfHeat.Drivers.Miners.Whatsminer.V2;
using ProofOfHeat.Sim.Miners;
using ProofOfHeat.Sim.Miners.Whatsminer;

namespace ProofOfHeat.Drivers.Miners.Whatsminer.Tests;

public sealed class WhatsminerV2DriverTests
{
    [Fact]
    public async Task Reads_summary_edevs_and_status_of_a_mining_M30S()
    {
        await using var rig = await WhatsminerRig.StartAsync();
        await using var driver = rig.V2();

        var reading = await driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Mining, reading.Status);
        Assert.Equal(3400 / 38.0, reading.HashrateTerahash!.Value, 1);
        Assert.Equal(3400, reading.PowerWatts);
        Assert.Equal(PowerReadingSource.Measured, reading.PowerSource);
        Assert.Equal(3400, reading.PowerLimitWatts);
        Assert.Equal("Normal", reading.Mode);
        Assert.Equal(3, reading.BoardTemperatures.Count);
        Assert.Equal(3, reading.ChipTemperatures.Count);
        Assert.True(reading.MaximumTemperature > 50);
        Assert.Equal(2, reading.FanRpm.Count);
        Assert.NotNull(reading.Uptime);
        Assert.Empty(reading.Errors);
        Assert.Equal(["summary", "edevs", "status", "get_error_code"], rig.Miner.ReceivedCommands);
    }

    [Fact]
    public async Task Errors_come_from_get_error_code()
    {
        await using var rig = await WhatsminerRig.StartAsync();
        await using var driver = rig.V2();
        rig.Miner.ErrorCodes = ["218", "110"];

        var reading = await driver.ReadAsync(CancellationToken.None);

        Assert.Equal(["218", "110"], reading.Errors);
    }

    [Fact]
    public async Task Capabilities_come_from_devdetails_and_the_model_table()
    {
        await using var rig = await WhatsminerRig.StartAsync();
        await using var driver = rig.V2();

        var capabilities = await driver.GetCapabilitiesAsync(CancellationToken.None);

        Assert.Equal("Whatsminer M30S", capabilities.Model);
        Assert.Equal(MinerPowerControl.Continuous, capabilities.PowerControl);
        Assert.Equal(1700, capabilities.MinimumPowerWatts);
        Assert.Equal(3400, capabilities.MaximumPowerWatts);
        Assert.True(capabilities.PowerChangeRestarts);
        Assert.True(capabilities.CanSleep);
    }

    [Fact]
    public async Task Sleep_sends_an_encrypted_power_off_once_and_then_is_already_in_effect()
    {
        await using var rig = await WhatsminerRig.StartAsync();
        await using var driver = rig.V2();

        var first = await driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);
        var second = await driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, first.Outcome);
        Assert.Equal(MinerStatus.Sleeping, first.Reading.Status);
        Assert.Equal(MinerCommandOutcome.AlreadyInEffect, second.Outcome);
        Assert.Equal(1, rig.Miner.CountOf("power_off"));
        Assert.Equal(1, rig.Miner.CountOf("get_token"));
        Assert.Equal(MinerPhase.Sleeping, rig.Miner.Hardware.Read().Phase);
    }

    [Fact]
    public async Task Wake_starts_the_boards_and_the_reading_follows_them_to_mining()
    {
        await using var rig = await WhatsminerRig.StartAsync();
        await using var driver = rig.V2();
        await driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        var woken = await driver.ApplyAsync(MinerCommand.Wake, CancellationToken.None);
        rig.Clock.Advance(TimeSpan.FromMinutes(3));
        var later = await driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, woken.Outcome);
        Assert.Equal(MinerStatus.Starting, woken.Reading.Status);
        Assert.Equal(MinerStatus.Mining, later.Status);
        Assert.Equal(1, rig.Miner.CountOf("power_on"));
        Assert.Equal(1, rig.Miner.CountOf("get_token"));
    }

    [Fact]
    public async Task Power_limit_restarts_the_miner_and_is_verified_once_it_is_back()
    {
        await using var rig = await WhatsminerRig.StartAsync();
        await using var driver = rig.V2();

        var result = await driver.ApplyAsync(MinerCommand.SetPower(2500), CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal(MinerStatus.Starting, result.Reading.Status);
        Assert.Contains("adjust_power_limit 2500", result.Detail, StringComparison.Ordinal);
        Assert.Equal(2500, rig.Miner.PowerLimitWatts);
        Assert.Equal(1, rig.Miner.Hardware.RestartCount);

        rig.Clock.Advance(TimeSpan.FromMinutes(10));
        var back = await driver.ReadAsync(CancellationToken.None);
        Assert.Equal(MinerStatus.Mining, back.Status);
        Assert.Equal(2500, back.PowerLimitWatts);
        Assert.Equal(2500, back.PowerWatts!.Value, 0);

        var again = await driver.ApplyAsync(MinerCommand.SetPower(2500), CancellationToken.None);
        Assert.Equal(MinerCommandOutcome.AlreadyInEffect, again.Outcome);
        Assert.Equal(1, rig.Miner.CountOf("adjust_power_limit"));
    }

    [Fact]
    public async Task Power_target_is_clamped_to_the_nominal_power_so_the_top_is_already_in_effect()
    {
        await using var rig = await WhatsminerRig.StartAsync();
        await using var driver = rig.V2();

        var result = await driver.ApplyAsync(MinerCommand.SetPower(5000), CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.AlreadyInEffect, result.Outcome);
        Assert.Equal(0, rig.Miner.CountOf("get_token"));
    }

    [Fact]
    public async Task Power_target_on_a_sleeping_miner_powers_it_on_too()
    {
        await using var rig = await WhatsminerRig.StartAsync();
        await using var driver = rig.V2();
        await driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        var result = await driver.ApplyAsync(MinerCommand.SetPower(3000), CancellationToken.None);
        rig.Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal(1, rig.Miner.CountOf("power_on"));
        Assert.Equal(1, rig.Miner.CountOf("adjust_power_limit"));
        Assert.Equal(MinerStatus.Mining, (await driver.ReadAsync(CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Percent_method_cuts_power_in_seconds_without_a_restart()
    {
        await using var rig = await WhatsminerRig.StartAsync();
        await using var driver = rig.V2(options: new WhatsminerV2DriverOptions { PowerMethod = WhatsminerV2PowerMethod.Percent });

        var capabilities = await driver.GetCapabilitiesAsync(CancellationToken.None);
        var result = await driver.ApplyAsync(MinerCommand.SetPower(1700), CancellationToken.None);
        rig.Clock.Advance(TimeSpan.FromMinutes(1));
        var settled = await driver.ReadAsync(CancellationToken.None);
        var again = await driver.ApplyAsync(MinerCommand.SetPower(1700), CancellationToken.None);

        Assert.False(capabilities.PowerChangeRestarts);
        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal(50, rig.Miner.PowerPercent);
        Assert.Equal(0, rig.Miner.Hardware.RestartCount);
        Assert.Equal(1700, settled.PowerWatts!.Value, 0);
        Assert.Equal(3400, settled.PowerLimitWatts);
        Assert.Equal(MinerCommandOutcome.AlreadyInEffect, again.Outcome);
        Assert.Equal(1, rig.Miner.CountOf("set_power_pct"));
    }

    [Fact]
    public async Task An_expired_token_is_refreshed_once()
    {
        await using var rig = await WhatsminerRig.StartAsync();
        await using var driver = rig.V2();
        await driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        // The miner's clock passes the token's 30 minutes; the driver's does not, so it still trusts its token.
        rig.Clock.Advance(TimeSpan.FromMinutes(31));
        var result = await driver.ApplyAsync(MinerCommand.Wake, CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal(2, rig.Miner.CountOf("get_token"));
        Assert.Equal(2, rig.Miner.CountOf("power_on"));
    }

    [Fact]
    public async Task A_wrong_password_is_an_authentication_failure_and_not_retried()
    {
        await using var rig = await WhatsminerRig.StartAsync();
        await using var driver = rig.V2(password: "not-the-password");

        await Assert.ThrowsAsync<MinerAuthenticationException>(() => driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None));

        Assert.Equal(1, rig.Miner.CountOf("get_token"));
        Assert.Equal(MinerPhase.Mining, rig.Miner.Hardware.Read().Phase);
    }

    [Fact]
    public async Task A_changed_password_on_the_miner_refuses_even_a_refreshed_token()
    {
        await using var rig = await WhatsminerRig.StartAsync();
        await using var driver = rig.V2();
        await driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);
        rig.Miner.Faults.WrongPassword = true;

        await Assert.ThrowsAsync<MinerAuthenticationException>(() => driver.ApplyAsync(MinerCommand.Wake, CancellationToken.None));

        Assert.Equal(2, rig.Miner.CountOf("get_token"));
        Assert.Equal(MinerPhase.Sleeping, rig.Miner.Hardware.Read().Phase);
    }

    [Fact]
    public async Task A_disabled_write_api_says_so()
    {
        await using var rig = await WhatsminerRig.StartAsync(new WhatsminerSimulatorOptions { WriteApiEnabled = false });
        await using var driver = rig.V2();

        var e = await Assert.ThrowsAsync<MinerAuthenticationException>(() => driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None));

        Assert.Contains("permission denied", e.Message, StringComparison.Ordinal);
        Assert.Equal(MinerStatus.Mining, (await driver.ReadAsync(CancellationToken.None)).Status);
    }

    [Fact]
    public async Task All_tokens_taken_is_busy_after_the_bounded_retries()
    {
        await using var rig = await WhatsminerRig.StartAsync();
        await using var driver = rig.V2();
        rig.Miner.Faults.SessionBusy = true;

        await Assert.ThrowsAsync<MinerBusyException>(() => driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None));

        Assert.Equal(1 + WhatsminerRig.Short.Retries, rig.Miner.CountOf("get_token"));
        Assert.Equal(0, rig.Miner.CountOf("power_off"));
    }

    [Fact]
    public async Task Garbage_is_a_protocol_error_after_the_bounded_retries()
    {
        await using var rig = await WhatsminerRig.StartAsync();
        await using var driver = rig.V2();
        rig.Miner.Faults.Garbage = true;

        await Assert.ThrowsAsync<MinerProtocolException>(() => driver.ReadAsync(CancellationToken.None));

        Assert.Equal(1 + WhatsminerRig.Short.Retries, rig.Miner.RpcRequestCount);
    }

    [Fact]
    public async Task A_stalled_miner_reads_as_unreachable_within_the_reply_timeout()
    {
        await using var rig = await WhatsminerRig.StartAsync();
        await using var driver = rig.V2(timeouts: WhatsminerRig.Fast);
        rig.Miner.Faults.Stall = true;

        var reading = await driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Unreachable, reading.Status);
        Assert.Contains("no reply", Assert.Single(reading.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_without_its_terminator_is_taken_when_it_is_complete_json()
    {
        await using var rig = await WhatsminerRig.StartAsync();
        await using var driver = rig.V2(timeouts: WhatsminerRig.Fast);
        rig.Miner.Faults.NoTerminator = true;

        var reading = await driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Mining, reading.Status);
    }

    [Fact]
    public async Task A_rebooting_miner_reads_as_unreachable_then_starting_then_mining()
    {
        await using var rig = await WhatsminerRig.StartAsync();
        await using var driver = rig.V2();
        rig.Miner.Hardware.Restart();

        var during = await driver.ReadAsync(CancellationToken.None);
        rig.Clock.Advance(rig.Miner.Hardware.Spec.RestartDuration);
        var warming = await driver.ReadAsync(CancellationToken.None);
        rig.Clock.Advance(rig.Miner.Hardware.Spec.WarmUpDuration);
        var back = await driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Unreachable, during.Status);
        Assert.Equal(MinerStatus.Starting, warming.Status);
        Assert.Equal(MinerStatus.Mining, back.Status);
    }

    [Fact]
    public async Task A_command_during_a_reboot_is_unreachable_not_a_storm()
    {
        await using var rig = await WhatsminerRig.StartAsync();
        await using var driver = rig.V2();
        await driver.GetCapabilitiesAsync(CancellationToken.None);
        rig.Miner.Hardware.Restart();

        await Assert.ThrowsAsync<MinerUnreachableException>(() => driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None));

        Assert.Equal(0, rig.Miner.CountOf("power_off"));
    }

    [Fact]
    public async Task Json_without_the_expected_section_is_a_protocol_error_not_a_crash()
    {
        await using var server = new SimRpcServer(_ => """{"STATUS":[{"STATUS":"S","Code":11,"Msg":"Summary"}],"id":1}""", new MinerFaults());
        await using var driver = new WhatsminerV2Driver(new MinerEndpoint("127.0.0.1") { RpcPort = server.Port }, WhatsminerRig.Context());

        await Assert.ThrowsAsync<MinerProtocolException>(() => driver.ReadAsync(CancellationToken.None));
    }
}
