using ProofOfHeat.Sim.Miners.Avalon;

namespace ProofOfHeat.Drivers.Miners.Avalon.Tests;

/// <summary>
/// The Nano 3S and Mini 3 as their documents show them: work modes set with <c>workmode,set</c> and read from
/// <c>WORKMODE</c>, measured watts in <c>PS[…]</c> (no WALLPOWER), <c>OTemp</c>; a change counts once the measured
/// power followed, and a miner that ignores it is "not applied" with what was expected and what was measured.
/// </summary>
public sealed class AvalonWorkModeTests
{
    [Fact]
    public async Task A_Nano3S_reads_its_mode_from_WORKMODE_its_watts_from_PS_and_its_outlet_temperature()
    {
        await using var rig = await AvalonRig.StartAsync(AvalonSimulatorOptions.Nano3S);
        rig.Clock.Advance(TimeSpan.FromMinutes(2));

        var capabilities = await rig.Driver.GetCapabilitiesAsync(CancellationToken.None);
        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal("Avalon Nano 3S", capabilities.Model);
        Assert.True(capabilities.ReportsPower);
        Assert.False(capabilities.PowerChangeRestarts);
        Assert.Equal(0.10, capabilities.PowerTolerance);
        Assert.Equal("mid", reading.Mode);
        Assert.Equal(PowerReadingSource.Measured, reading.PowerSource);
        Assert.Equal(90, reading.PowerWatts!.Value, 0);
        Assert.Null(reading.InletTemperature);
        Assert.NotNull(reading.OutletTemperature);
        Assert.InRange(reading.OutletTemperature!.Value, 21, reading.BoardTemperatures[0]);
    }

    [Fact]
    public async Task A_Nano3S_change_is_sent_as_workmode_and_moves_the_measured_power_and_the_reported_mode()
    {
        await using var rig = await AvalonRig.StartAsync(AvalonSimulatorOptions.Nano3S);
        rig.Clock.Advance(TimeSpan.FromMinutes(2));

        var result = await rig.ApplyWhileRunningAsync(MinerCommand.SetTier("high"));

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal("high", result.Reading.Mode);
        Assert.Equal(133, result.Reading.PowerLimitWatts);
        Assert.InRange(result.Reading.PowerWatts!.Value, 120, 146);
        Assert.Equal(PowerReadingSource.Measured, result.Reading.PowerSource);
        Assert.Equal(["ascset 0,workmode,set,2"], rig.Miner.Received.Where(r => r.StartsWith("ascset", StringComparison.Ordinal)));
        Assert.Equal(2, rig.Miner.WorkMode);
    }

    [Fact]
    public async Task A_Nano3S_asleep_still_reads_its_measured_standby_watts()
    {
        await using var rig = await AvalonRig.StartAsync(AvalonSimulatorOptions.Nano3S);
        var sleep = rig.Driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);
        await rig.UntilAscSetsAsync(1);
        rig.Clock.Advance(TimeSpan.FromSeconds(6));
        await sleep;
        rig.Clock.Advance(TimeSpan.FromMinutes(2));

        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Sleeping, reading.Status);
        Assert.Equal(PowerReadingSource.Measured, reading.PowerSource);
        Assert.InRange(reading.PowerWatts!.Value, 1, 10);
    }

    [Fact]
    public async Task A_Mini3_change_by_watts_takes_the_mode_below_and_is_confirmed_by_the_measured_power()
    {
        await using var rig = await AvalonRig.StartAsync(AvalonSimulatorOptions.Mini3);
        rig.Clock.Advance(TimeSpan.FromMinutes(2));

        var capabilities = await rig.Driver.GetCapabilitiesAsync(CancellationToken.None);
        var result = await rig.ApplyWhileRunningAsync(MinerCommand.SetPower(650));

        Assert.Equal("Avalon Mini 3", capabilities.Model);
        Assert.Equal(["night", "heating", "mining"], capabilities.Tiers.Select(t => t.Name));
        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal("heating", result.Reading.Mode);
        Assert.InRange(result.Reading.PowerWatts!.Value, 540, 660);
        Assert.Equal("ascset 0,workmode,set,0", result.Detail);
        Assert.EndsWith(" W measured", result.ConfirmedBy, StringComparison.Ordinal);
        Assert.Equal(0, rig.Miner.WorkMode);
    }

    [Fact]
    public async Task A_Mini3_that_ignores_the_change_is_not_applied_with_expected_and_measured_values()
    {
        await using var rig = await AvalonRig.StartAsync(AvalonSimulatorOptions.Mini3);
        rig.Clock.Advance(TimeSpan.FromMinutes(2));
        rig.Miner.Faults.IgnoreCommands = true;

        var result = await rig.ApplyWhileRunningAsync(MinerCommand.SetPower(600));

        Assert.Equal(MinerCommandOutcome.NotApplied, result.Outcome);
        Assert.Equal("mode heating, about 600 W measured (±10 %)", result.Expected);
        Assert.Equal("mining, mode mining, power target 800 W, 800 W measured", result.Observed);
        Assert.Equal(1, rig.AscSets);
    }

    [Fact]
    public async Task Worklevel_on_a_model_with_work_modes_would_not_move_the_power()
    {
        // The fault of issue 18 in the simulator: worklevel,set is taken ("ASC 0 set OK") but only moves a sub-level.
        await using var rig = await AvalonRig.StartAsync(AvalonSimulatorOptions.Nano3S);
        rig.Clock.Advance(TimeSpan.FromMinutes(2));
        var before = rig.Miner.Hardware.Read().PowerWatts;

        var reply = await new Rpc.CgminerRpcClient(rig.Where.Host, rig.Where.RpcPort, AvalonRig.FastTimeouts, TimeProvider.System)
            .CommandAsync("ascset", "0,worklevel,set,2", CancellationToken.None);
        rig.Clock.Advance(TimeSpan.FromMinutes(1));
        var reading = await rig.Driver.ReadAsync(CancellationToken.None);

        Assert.Equal("ASC 0 set OK", reply.Message);
        Assert.Equal("mid", reading.Mode);
        Assert.Equal(before, rig.Miner.Hardware.Read().PowerWatts, 0);
    }

    [Fact]
    public async Task The_original_Nano3_simulator_answers_workmode_as_an_unknown_option_as_cgminer_does()
    {
        await using var rig = await AvalonRig.StartAsync();

        var reply = await new Rpc.CgminerRpcClient(rig.Where.Host, rig.Where.RpcPort, AvalonRig.FastTimeouts, TimeProvider.System)
            .CommandAsync("ascset", "0,workmode,set,2", CancellationToken.None);

        Assert.Equal(("E", 120, "ASC 0 set failed: Unknown option: workmode"), (reply.StatusLetter, reply.Code, reply.Message));
        Assert.Equal(1, rig.Miner.WorkLevel);
    }
}
