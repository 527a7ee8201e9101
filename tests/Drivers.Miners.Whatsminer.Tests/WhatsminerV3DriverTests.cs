using ProofOfHeat.Sim.Miners;
using ProofOfHeat.Sim.Miners.Whatsminer;

namespace ProofOfHeat.Drivers.Miners.Whatsminer.Tests;

public sealed class WhatsminerV3DriverTests
{
    private static readonly WhatsminerSimulatorOptions V3 = new() { Generation = WhatsminerApiGeneration.V3 };

    [Fact]
    public async Task Reads_miner_status_and_device_info_of_a_mining_M50S()
    {
        await using var rig = await WhatsminerRig.StartAsync(V3);
        await using var driver = rig.V3();

        var reading = await driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Mining, reading.Status);
        Assert.Equal(3300 / 26.0, reading.HashrateTerahash!.Value, 1);
        Assert.Equal(3300, reading.PowerWatts);
        Assert.Equal(PowerReadingSource.Measured, reading.PowerSource);
        Assert.Equal(3300, reading.PowerLimitWatts);
        Assert.Equal(3, reading.BoardTemperatures.Count);
        Assert.Equal(3, reading.ChipTemperatures.Count);
        Assert.Equal(2, reading.FanRpm.Count);
        Assert.Empty(reading.Errors);
        Assert.Equal(["get.miner.status", "get.device.info"], rig.Miner.ReceivedCommands);
    }

    [Fact]
    public async Task Errors_come_from_device_info()
    {
        await using var rig = await WhatsminerRig.StartAsync(V3);
        await using var driver = rig.V3();
        rig.Miner.ErrorCodes = ["530"];

        Assert.Equal(["530"], (await driver.ReadAsync(CancellationToken.None)).Errors);
    }

    [Fact]
    public async Task Capabilities_come_from_device_info()
    {
        await using var rig = await WhatsminerRig.StartAsync(V3);
        await using var driver = rig.V3();

        var capabilities = await driver.GetCapabilitiesAsync(CancellationToken.None);

        Assert.Equal("Whatsminer M50S", capabilities.Model);
        Assert.Equal(1650, capabilities.MinimumPowerWatts);
        Assert.Equal(3300, capabilities.MaximumPowerWatts);
        Assert.True(capabilities.PowerChangeRestarts);
    }

    [Fact]
    public async Task Sleep_is_a_signed_service_stop_sent_once()
    {
        await using var rig = await WhatsminerRig.StartAsync(V3);
        await using var driver = rig.V3();

        var first = await driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);
        var second = await driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, first.Outcome);
        Assert.Equal(MinerStatus.Sleeping, first.Reading.Status);
        Assert.Equal(MinerCommandOutcome.AlreadyInEffect, second.Outcome);
        Assert.Equal(1, rig.Miner.CountOf("set.miner.service"));
        Assert.Equal(MinerPhase.Sleeping, rig.Miner.Hardware.Read().Phase);
    }

    [Fact]
    public async Task Wake_is_a_service_start_and_mining_follows()
    {
        await using var rig = await WhatsminerRig.StartAsync(V3);
        await using var driver = rig.V3();
        await driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        var woken = await driver.ApplyAsync(MinerCommand.Wake, CancellationToken.None);
        rig.Clock.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(MinerCommandOutcome.Applied, woken.Outcome);
        Assert.Equal(MinerStatus.Starting, woken.Reading.Status);
        Assert.Equal(MinerStatus.Mining, (await driver.ReadAsync(CancellationToken.None)).Status);
        Assert.Equal(2, rig.Miner.CountOf("set.miner.service"));
    }

    [Fact]
    public async Task Power_limit_is_set_verified_and_then_already_in_effect()
    {
        await using var rig = await WhatsminerRig.StartAsync(V3);
        await using var driver = rig.V3();

        var result = await driver.ApplyAsync(MinerCommand.SetPower(2004), CancellationToken.None);
        rig.Clock.Advance(TimeSpan.FromMinutes(10));
        var back = await driver.ReadAsync(CancellationToken.None);
        var again = await driver.ApplyAsync(MinerCommand.SetPower(2000), CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal(2000, rig.Miner.PowerLimitWatts);
        Assert.Equal(MinerStatus.Mining, back.Status);
        Assert.Equal(2000, back.PowerLimitWatts);
        Assert.Equal(2000, back.PowerWatts!.Value, 0);
        Assert.Equal(MinerCommandOutcome.AlreadyInEffect, again.Outcome);
        Assert.Equal(1, rig.Miner.CountOf("set.miner.power_limit"));
    }

    [Fact]
    public async Task Power_limit_without_a_restart_is_verified_by_the_limit_read_back()
    {
        await using var rig = await WhatsminerRig.StartAsync(V3 with { V3PowerLimitRestarts = false });
        await using var driver = rig.V3();

        var result = await driver.ApplyAsync(MinerCommand.SetPower(2500), CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal(MinerStatus.Mining, result.Reading.Status);
        Assert.Equal(2500, result.Reading.PowerLimitWatts);
        Assert.Equal(0, rig.Miner.Hardware.RestartCount);
    }

    [Fact]
    public async Task A_wrong_password_is_an_authentication_failure()
    {
        await using var rig = await WhatsminerRig.StartAsync(V3);
        await using var driver = rig.V3(password: "not-super");

        await Assert.ThrowsAsync<MinerAuthenticationException>(() => driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None));

        Assert.Equal(1, rig.Miner.CountOf("set.miner.service"));
        Assert.Equal(MinerPhase.Mining, rig.Miner.Hardware.Read().Phase);
    }

    [Fact]
    public async Task A_password_changed_on_the_miner_is_an_authentication_failure()
    {
        await using var rig = await WhatsminerRig.StartAsync(V3);
        await using var driver = rig.V3();
        rig.Miner.Faults.WrongPassword = true;

        await Assert.ThrowsAsync<MinerAuthenticationException>(() => driver.ApplyAsync(MinerCommand.SetPower(2000), CancellationToken.None));
        Assert.Equal(3300, rig.Miner.PowerLimitWatts);
    }

    [Fact]
    public async Task Garbage_is_a_protocol_error_after_the_bounded_retries()
    {
        await using var rig = await WhatsminerRig.StartAsync(V3);
        await using var driver = rig.V3();
        rig.Miner.Faults.Garbage = true;

        await Assert.ThrowsAsync<MinerProtocolException>(() => driver.ReadAsync(CancellationToken.None));
        Assert.Equal(1 + WhatsminerRig.Short.Retries, rig.Miner.V3RequestCount);
    }

    [Fact]
    public async Task A_cut_frame_is_a_protocol_error_within_the_reply_timeout()
    {
        await using var rig = await WhatsminerRig.StartAsync(V3);
        await using var driver = rig.V3(timeouts: WhatsminerRig.Fast);
        rig.Miner.Faults.NoTerminator = true;

        var e = await Assert.ThrowsAsync<MinerProtocolException>(() => driver.ReadAsync(CancellationToken.None));
        Assert.Contains("did not finish", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stalled_miner_reads_as_unreachable()
    {
        await using var rig = await WhatsminerRig.StartAsync(V3);
        await using var driver = rig.V3(timeouts: WhatsminerRig.Fast);
        rig.Miner.Faults.Stall = true;

        var reading = await driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Unreachable, reading.Status);
    }

    [Fact]
    public async Task A_rebooting_miner_reads_as_unreachable_until_it_is_back()
    {
        await using var rig = await WhatsminerRig.StartAsync(V3);
        await using var driver = rig.V3();
        rig.Miner.Hardware.Restart();

        var during = await driver.ReadAsync(CancellationToken.None);
        rig.Clock.Advance(rig.Miner.Hardware.Spec.RestartDuration + rig.Miner.Hardware.Spec.WarmUpDuration);
        var back = await driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Unreachable, during.Status);
        Assert.Equal(MinerStatus.Mining, back.Status);
    }

    [Fact]
    public async Task The_v2_driver_reads_v3_firmware_but_will_not_control_it()
    {
        await using var rig = await WhatsminerRig.StartAsync(V3);
        await using var v2 = rig.V2();

        var reading = await v2.ReadAsync(CancellationToken.None);
        var e = await Assert.ThrowsAsync<MinerUnsupportedException>(() => v2.ApplyAsync(MinerCommand.Sleep, CancellationToken.None));

        Assert.Equal(MinerStatus.Mining, reading.Status);
        Assert.Contains(MinerFamilies.WhatsminerV3, e.Message, StringComparison.Ordinal);
        Assert.Equal(0, rig.Miner.CountOf("get_token"));
    }

    [Fact]
    public async Task V3_firmware_refuses_v2_writes_on_the_rpc_port()
    {
        await using var rig = await WhatsminerRig.StartAsync(V3);
        var rpc = rig.Rpc();

        var token = V2.WhatsminerV2Reply.Parse(await rpc.SendRawAsync(V2.WhatsminerV2Requests.GetToken(), CancellationToken.None));

        Assert.Equal(V2.WhatsminerV2Codes.PermissionDenied, token.Code);
    }
}
