using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.TestKit.HeatSources;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Drivers.HeatSources.Tests;

public sealed class HeatSourceDriverBaseTests
{
    [Fact]
    public async Task A_level_change_within_the_declared_dwell_is_refused_and_nothing_is_sent()
    {
        var clock = new FakeTimeProvider();
        var source = new InMemoryHeatSource();
        await using var driver = new InMemoryHeatSourceDriver(source, new HeatSourceDriverContext(clock, HeatSourceRig.Timeouts, NullLoggerFactory.Instance));

        var boost = await driver.ApplyAsync(HeatSourceCommand.SetLevel("boost"), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(9));
        var back = await driver.ApplyAsync(HeatSourceCommand.SetLevel("normal"), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        var later = await driver.ApplyAsync(HeatSourceCommand.SetLevel("normal"), CancellationToken.None);

        Assert.Equal(HeatSourceCommandOutcome.Applied, boost.Outcome);
        Assert.Equal(HeatSourceCommandOutcome.Refused, back.Outcome);
        Assert.Equal("minimum level dwell 10 min not elapsed (60 s left)", back.Reason);
        Assert.Equal(HeatSourceCommandOutcome.Applied, later.Outcome);
        Assert.Equal(2, source.CommandsReceived);
    }

    [Fact]
    public async Task Setpoints_are_not_held_by_the_dwell_guard()
    {
        var clock = new FakeTimeProvider();
        var source = new InMemoryHeatSource();
        await using var driver = new InMemoryHeatSourceDriver(source, new HeatSourceDriverContext(clock, HeatSourceRig.Timeouts, NullLoggerFactory.Instance));

        var first = await driver.ApplyAsync(HeatSourceCommand.SetFlowSetpoint(40), CancellationToken.None);
        var second = await driver.ApplyAsync(HeatSourceCommand.SetFlowSetpoint(45), CancellationToken.None);

        Assert.Equal(HeatSourceCommandOutcome.Applied, first.Outcome);
        Assert.Equal(HeatSourceCommandOutcome.Applied, second.Outcome);
        Assert.Equal("applied (set flow setpoint 45 °C)", second.Explain());
        Assert.Equal(45, source.FlowSetpoint);
    }

    [Fact]
    public void A_result_explains_itself_for_a_person()
    {
        var reading = HeatSourceReading.Unreachable(DateTimeOffset.UnixEpoch, "connection refused");

        Assert.Equal("not followed: expected flow setpoint 45 °C; read flow setpoint 40 °C, running",
            new HeatSourceCommandResult(HeatSourceCommandOutcome.NotFollowed, reading, Expected: "flow setpoint 45 °C", Observed: "flow setpoint 40 °C, running").Explain());
        Assert.Equal("refused: Modbus exception 2 (illegal data address)",
            new HeatSourceCommandResult(HeatSourceCommandOutcome.Refused, reading, Reason: "Modbus exception 2 (illegal data address)").Explain());
        Assert.Equal("no answer (connection refused)", HeatSourceEffect.Observed(HeatSourceCommand.TurnOn, reading));
    }
}
