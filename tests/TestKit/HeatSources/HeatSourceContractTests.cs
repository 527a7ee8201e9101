using ProofOfHeat.Drivers.HeatSources;
using Xunit;

namespace ProofOfHeat.TestKit.HeatSources;

/// <summary>
/// What every heat-source driver must do, against its simulator: each driver's test class inherits these tests and
/// says how to start its rig. Commands are idempotent and read back; a source that ignores, refuses or does not
/// answer is reported as such; the minimum times it declares are kept.
/// </summary>
public abstract class HeatSourceContractTests
{
    /// <summary>Starts the simulator and a driver for it on the rig's fake clock and bounds.</summary>
    protected abstract Task<HeatSourceRig> StartRigAsync();

    [Fact]
    public async Task Capabilities_are_consistent_and_declare_the_minimum_times()
    {
        await using var rig = await StartRigAsync();
        var capabilities = await rig.Driver.GetCapabilitiesAsync(CancellationToken.None);

        Assert.False(string.IsNullOrWhiteSpace(capabilities.Model));
        Assert.True(capabilities.CanSwitch || capabilities.Levels.Count > 0 || capabilities.FlowSetpoint is not null || capabilities.Modulation is not null,
            "A heat source must accept at least one kind of command.");
        Assert.All(new[] { capabilities.Modulation, capabilities.FlowSetpoint, capabilities.DhwSetpoint }.OfType<HeatSourceRange>(),
            range => Assert.True(range.Minimum < range.Maximum, $"range {range} is empty"));
        Assert.True(capabilities.MinimumOnTime >= TimeSpan.Zero && capabilities.MinimumOffTime >= TimeSpan.Zero && capabilities.MinimumLevelDwell >= TimeSpan.Zero);
        Assert.Same(capabilities, await rig.Driver.GetCapabilitiesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_reading_is_stamped_on_the_drivers_clock_and_shows_what_the_source_reports()
    {
        await using var rig = await StartRigAsync();
        var capabilities = await rig.Driver.GetCapabilitiesAsync(CancellationToken.None);

        var before = rig.Clock.GetUtcNow();
        var reading = await rig.RunAsync(() => rig.Driver.ReadAsync(CancellationToken.None));

        Assert.NotEqual(HeatSourceStatus.Unreachable, reading.Status);
        // The rig moves the fake clock while the call runs (a read may wait for the device's next report), so the
        // stamp is some instant of the driver's clock during the call, never the machine's.
        Assert.InRange(reading.At, before, rig.Clock.GetUtcNow());
        if (capabilities.CanSwitch)
        {
            Assert.NotNull(reading.IsOn);
        }

        if (capabilities.ReportsPower)
        {
            Assert.NotNull(reading.PowerWatts);
        }

        if (capabilities.ReportsHeat)
        {
            Assert.NotNull(reading.HeatWatts);
        }
    }

    [Fact]
    public async Task Every_supported_command_is_applied_and_read_back()
    {
        await using var rig = await StartRigAsync();
        var capabilities = await rig.Driver.GetCapabilitiesAsync(CancellationToken.None);

        foreach (var command in HeatSourceCommands.EverySupported(capabilities))
        {
            rig.Clock.Advance(HeatSourceCommands.LongestDwell(capabilities));
            var result = await rig.RunAsync(() => rig.Driver.ApplyAsync(command, CancellationToken.None));

            Assert.True(result.Succeeded, $"{command}: {result.Explain()}");
            Assert.True(HeatSourceEffect.IsShown(command, result.Reading, capabilities), $"{command}: read back {HeatSourceEffect.Observed(command, result.Reading)}");
        }
    }

    [Fact]
    public async Task A_command_already_in_effect_sends_nothing()
    {
        await using var rig = await StartRigAsync();
        var capabilities = await rig.Driver.GetCapabilitiesAsync(CancellationToken.None);
        var before = await rig.RunAsync(() => rig.Driver.ReadAsync(CancellationToken.None));
        var change = HeatSourceCommands.AChange(capabilities, before);
        var first = await rig.RunAsync(() => rig.Driver.ApplyAsync(change, CancellationToken.None));
        Assert.Equal(HeatSourceCommandOutcome.Applied, first.Outcome);
        var sent = rig.CommandsReceived;

        rig.Clock.Advance(HeatSourceCommands.LongestDwell(capabilities));
        var again = await rig.RunAsync(() => rig.Driver.ApplyAsync(change, CancellationToken.None));

        Assert.Equal(HeatSourceCommandOutcome.AlreadyInEffect, again.Outcome);
        Assert.Equal(sent, rig.CommandsReceived);
    }

    [Fact]
    public async Task A_source_that_answers_but_does_not_follow_is_reported_not_followed_with_expected_and_observed()
    {
        await using var rig = await StartRigAsync();
        var capabilities = await rig.Driver.GetCapabilitiesAsync(CancellationToken.None);
        var before = await rig.RunAsync(() => rig.Driver.ReadAsync(CancellationToken.None));
        var change = HeatSourceCommands.AChange(capabilities, before);
        rig.IgnoreCommands();

        var result = await rig.RunAsync(() => rig.Driver.ApplyAsync(change, CancellationToken.None));

        Assert.Equal(HeatSourceCommandOutcome.NotFollowed, result.Outcome);
        Assert.Equal(HeatSourceEffect.Expected(change), result.Expected);
        Assert.Equal(HeatSourceEffect.Observed(change, result.Reading), result.Observed);
        Assert.False(HeatSourceEffect.IsShown(change, result.Reading, capabilities));
        Assert.True(rig.CommandsReceived > 0, "the command was sent");
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task A_source_that_refuses_is_reported_refused_with_its_reason()
    {
        await using var rig = await StartRigAsync();
        var capabilities = await rig.Driver.GetCapabilitiesAsync(CancellationToken.None);
        var before = await rig.RunAsync(() => rig.Driver.ReadAsync(CancellationToken.None));
        var change = HeatSourceCommands.AChange(capabilities, before);
        rig.RefuseCommands();

        var result = await rig.RunAsync(() => rig.Driver.ApplyAsync(change, CancellationToken.None));

        Assert.Equal(HeatSourceCommandOutcome.Refused, result.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }

    [Fact]
    public async Task A_silent_source_reads_unreachable_and_a_command_to_it_is_unreachable()
    {
        await using var rig = await StartRigAsync();
        var capabilities = await rig.Driver.GetCapabilitiesAsync(CancellationToken.None);
        var before = await rig.RunAsync(() => rig.Driver.ReadAsync(CancellationToken.None));
        var change = HeatSourceCommands.AChange(capabilities, before);
        rig.GoSilent();

        // Nothing will answer, so the clock may jump whole reply timeouts.
        var reading = await rig.RunAsync(() => rig.Driver.ReadAsync(CancellationToken.None), HeatSourceRig.Timeouts.Reply);
        var result = await rig.RunAsync(() => rig.Driver.ApplyAsync(change, CancellationToken.None), HeatSourceRig.Timeouts.Reply);

        Assert.Equal(HeatSourceStatus.Unreachable, reading.Status);
        Assert.NotEmpty(reading.Errors);
        Assert.Equal(HeatSourceCommandOutcome.Unreachable, result.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }

    [Fact]
    public async Task The_minimum_on_and_off_times_it_declares_are_kept()
    {
        await using var rig = await StartRigAsync();
        var capabilities = await rig.Driver.GetCapabilitiesAsync(CancellationToken.None);
        if (!capabilities.CanSwitch || capabilities.MinimumOnTime <= TimeSpan.FromMinutes(1))
        {
            return; // nothing to keep: the contract holds trivially
        }

        var before = await rig.RunAsync(() => rig.Driver.ReadAsync(CancellationToken.None));
        if (before.IsOn == true)
        {
            rig.Clock.Advance(HeatSourceCommands.LongestDwell(capabilities));
            Assert.True((await rig.RunAsync(() => rig.Driver.ApplyAsync(HeatSourceCommand.TurnOff, CancellationToken.None))).Succeeded);
            rig.Clock.Advance(capabilities.MinimumOffTime);
        }

        var on = await rig.RunAsync(() => rig.Driver.ApplyAsync(HeatSourceCommand.TurnOn, CancellationToken.None));
        Assert.Equal(HeatSourceCommandOutcome.Applied, on.Outcome);
        var sent = rig.CommandsReceived;

        var tooSoon = await rig.Driver.ApplyAsync(HeatSourceCommand.TurnOff, CancellationToken.None);
        Assert.Equal(HeatSourceCommandOutcome.Refused, tooSoon.Outcome);
        Assert.Contains("minimum on time", tooSoon.Reason, StringComparison.Ordinal);
        Assert.Equal(sent, rig.CommandsReceived);

        rig.Clock.Advance(capabilities.MinimumOnTime);
        var later = await rig.RunAsync(() => rig.Driver.ApplyAsync(HeatSourceCommand.TurnOff, CancellationToken.None));
        Assert.Equal(HeatSourceCommandOutcome.Applied, later.Outcome);

        if (capabilities.MinimumOffTime > TimeSpan.FromMinutes(1))
        {
            var backOn = await rig.Driver.ApplyAsync(HeatSourceCommand.TurnOn, CancellationToken.None);
            Assert.Equal(HeatSourceCommandOutcome.Refused, backOn.Outcome);
            Assert.Contains("minimum off time", backOn.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_command_outside_its_capabilities_is_a_callers_mistake()
    {
        await using var rig = await StartRigAsync();
        var capabilities = await rig.Driver.GetCapabilitiesAsync(CancellationToken.None);

        await Assert.ThrowsAsync<HeatSourceUnsupportedException>(() => rig.Driver.ApplyAsync(HeatSourceCommand.SetLevel("no-such-level"), CancellationToken.None));
        var tooHot = HeatSourceCommand.SetFlowSetpoint((capabilities.FlowSetpoint?.Maximum ?? 0) + 50);
        await Assert.ThrowsAsync<HeatSourceUnsupportedException>(() => rig.Driver.ApplyAsync(tooHot, CancellationToken.None));
        Assert.Equal(0, rig.CommandsReceived);
    }
}
