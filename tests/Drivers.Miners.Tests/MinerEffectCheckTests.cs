using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Sim.Miners;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Drivers.Miners.Tests;

/// <summary>
/// The base's read-back checks the effect, not only the field it wrote: a power change counts once the miner measures
/// it within the family's tolerance; otherwise it is "not applied" with what was expected and what was read.
/// </summary>
public sealed class MinerEffectCheckTests
{
    private static readonly MinerHardwareSpec Spec = new()
    {
        Model = "S19", NominalPowerWatts = 3000, MinimumPowerWatts = 1000, JoulesPerTerahash = 30, SettleTime = TimeSpan.FromSeconds(60),
    };

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task The_field_alone_does_not_confirm_a_power_change_the_machine_has_not_followed()
    {
        await using var driver = new HardwareDriver(new MinerHardware(Spec, _time), Context(settle: TimeSpan.Zero), powerTolerance: 0.05);

        var result = await driver.ApplyAsync(MinerCommand.SetPower(2000), CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.NotApplied, result.Outcome);
        Assert.Equal(2000, result.Reading.PowerLimitWatts);
        Assert.Equal("power target 2000 W, about 2000 W measured (±5 %)", result.Expected);
        Assert.Equal("mining, power target 2000 W, 3000 W measured", result.Observed);
        Assert.Equal("not applied: expected power target 2000 W, about 2000 W measured (±5 %); read mining, power target 2000 W, 3000 W measured", result.Explain());
    }

    [Fact]
    public async Task A_power_change_is_applied_once_the_measured_power_settles_within_the_tolerance()
    {
        await using var driver = new HardwareDriver(new MinerHardware(Spec, _time), Context(settle: TimeSpan.FromMinutes(2)), powerTolerance: 0.05);

        var result = await WhileTimePassesAsync(driver.ApplyAsync(MinerCommand.SetPower(2000), CancellationToken.None));

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.InRange(result.Reading.PowerWatts!.Value, 1900, 2100);
        Assert.EndsWith(" W measured", result.ConfirmedBy, StringComparison.Ordinal);
        Assert.Single(driver.Sent);
    }

    [Fact]
    public async Task A_miner_that_ignores_the_change_is_not_applied_with_the_power_it_measures()
    {
        await using var driver = new HardwareDriver(new MinerHardware(Spec, _time), Context(settle: TimeSpan.FromMinutes(2)), powerTolerance: 0.05)
        {
            IgnoreCommands = true,
        };

        var result = await WhileTimePassesAsync(driver.ApplyAsync(MinerCommand.SetPower(2000), CancellationToken.None));

        Assert.Equal(MinerCommandOutcome.NotApplied, result.Outcome);
        Assert.Equal("mining, power target 3000 W, 3000 W measured", result.Observed);
    }

    [Fact]
    public async Task A_family_that_measures_no_power_is_confirmed_by_its_field_and_says_so()
    {
        await using var driver = new HardwareDriver(new MinerHardware(Spec, _time), Context(settle: TimeSpan.Zero), reportsPower: false);

        var result = await driver.ApplyAsync(MinerCommand.SetPower(2000), CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal("the reported state only: this miner measures no power", result.ConfirmedBy);
        Assert.Equal("applied (set power 2000 W); confirmed by the reported state only: this miner measures no power", result.Explain());
    }

    [Fact]
    public async Task A_miner_that_does_not_answer_the_read_back_is_unverified_and_says_why()
    {
        var hardware = new MinerHardware(Spec, _time);
        await using var driver = new HardwareDriver(hardware, Context(settle: TimeSpan.Zero), powerTolerance: 0.05);
        await driver.GetCapabilitiesAsync(CancellationToken.None);
        hardware.Restart(); // its API is down for the restart

        var result = await driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Unverified, result.Outcome);
        Assert.Equal("sleeping", result.Expected);
        Assert.StartsWith("no answer", result.Observed, StringComparison.Ordinal);
    }

    // The driver runs on the fake clock: its read-back waits are timers, so time is moved until the command ends.
    private async Task<MinerCommandResult> WhileTimePassesAsync(Task<MinerCommandResult> apply)
    {
        for (var step = 0; step < 1000 && !apply.IsCompleted; step++)
        {
            await Task.Yield();
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        return await apply.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);
    }

    private MinerDriverContext Context(TimeSpan settle) => new(
        _time,
        new MinerTimeouts { Retries = 0, RetryDelay = TimeSpan.Zero, Verify = TimeSpan.Zero, Settle = settle, VerifyPoll = TimeSpan.FromSeconds(2) },
        NullLoggerFactory.Instance);
}
